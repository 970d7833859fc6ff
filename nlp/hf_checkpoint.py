"""A Hugging Face sequence-classification checkpoint (a folder or a hub id), loaded only when it can score.

transformers loads a checkpoint with no classification head (a sentence-transformers
encoder) by giving it a random one, and a folder without its tokenizer files as a
tokenizer that reads every word as [UNK]: both used to score every file, exit 0, with
numbers that meant nothing. Both are refused here in one line naming the folder,
before any ONNX export is cached, and so is a config.json whose ``model_type`` this
transformers does not know (its own refusal came with a paragraph of pip advice).
The file checks run without torch (``umot run`` asks them before its crawl); the
loading ones after transformers has loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

#: What AutoTokenizer reads a vocabulary from (a fast tokenizer, WordPiece, BPE, SentencePiece, XLM BPE codes);
#: tokenizer_config.json is enough for the byte/character tokenizers (ByT5, CANINE) that need no vocabulary.
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "vocab*.json", "merges.txt", "*.model",
                   "bpe.codes")
NO_HEAD = "not a sentiment model: it has no trained classification head"
PROBE = "Good service, 5 stars! The delivery was late."  # words, digits and punctuation any real vocabulary knows


def checkpoint_folder_error(path: Path) -> str | None:
    """Why checkpoint folder ``path`` cannot score, judged from its files; None where it may."""
    if not any(any(path.glob(pattern)) for pattern in TOKENIZER_FILES):
        return (f"{path}: no tokenizer files (tokenizer.json, vocab.txt, a sentencepiece *.model, ...): "
                "copy those saved with the model into the folder")
    try:
        architectures = json.loads((path / "config.json").read_text(encoding="utf-8")).get("architectures")
    except (OSError, ValueError, AttributeError):
        return None  # the loader names a broken config.json
    if isinstance(architectures, list) and architectures and not any(
            str(a).endswith("ForSequenceClassification") for a in architectures):
        return f"{path}: {NO_HEAD} (it is a {', '.join(map(str, architectures))})"
    return None


def config_type_error(path: Path) -> str | None:
    """Why checkpoint folder ``path``'s config.json names no model transformers can build (its
    ``model_type`` unknown or missing), or None. Torch is imported only for a type outside the main table."""
    config = path / "config.json"
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the loader names a broken config.json
    if not isinstance(data, dict) or (isinstance(data.get("auto_map"), dict) and "AutoConfig" in data["auto_map"]):
        return None  # not an object, or code of the checkpoint's own: the loader says what is wrong
    import transformers

    kind = data.get("model_type")
    if kind is None:
        return f"{config}: no model_type (transformers {transformers.__version__} cannot tell which model it is)"
    if _known_type(kind):
        return None
    return (f"{config}: transformers {transformers.__version__} does not recognize model type `{kind}` "
            "(a damaged config.json, or a model newer than this transformers)")


def _known_type(kind: object) -> bool:
    from transformers.models.auto.auto_mappings import CONFIG_MAPPING_NAMES

    if not isinstance(kind, str):
        return False
    if kind in CONFIG_MAPPING_NAMES:
        return True
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING  # adds a few types; imports torch

    return kind in CONFIG_MAPPING


def load_checkpoint(source: str | Path, *, local_only: bool = True) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The network and its tokenizer; ValueError naming ``source`` where a weight is missing (a random head
    or layer) or the tokenizer knows no word of :data:`PROBE`."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # its load report lists what we refuse below in one line
    try:
        net, info = AutoModelForSequenceClassification.from_pretrained(
            source, local_files_only=local_only, output_loading_info=True)
    finally:
        hf_logging.set_verbosity(verbosity)
    missing = sorted(info.get("missing_keys") or ())
    head = [k for k in missing if not k.startswith(f"{net.base_model_prefix}.")]  # the layers on top of the encoder
    if head:
        raise ValueError(f"{source}: {NO_HEAD} ({', '.join(head)} missing)")
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ValueError(f"{source}: not a complete checkpoint: {shown} missing (they would score at random)")
    tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
    ids = tokenizer(PROBE, add_special_tokens=False)["input_ids"]
    if not ids or (tokenizer.unk_token_id is not None and set(ids) == {tokenizer.unk_token_id}):
        raise ValueError(f"{source}: its tokenizer reads every word as {tokenizer.unk_token or 'unknown'} "
                         "(its vocabulary file is missing): copy the tokenizer files saved with the model")
    return net, tokenizer


def hf_settings(tokenizer: PreTrainedTokenizerBase, net: PreTrainedModel) -> dict[str, Any]:
    """The scorer's token budget: the tokenizer's and the position table's limits, at most 256."""
    limit = min(256, int(getattr(tokenizer, "model_max_length", 512) or 512),
                int(getattr(net.config, "max_position_embeddings", 512) or 512) - 2)
    return {"max_length": limit, "head_tokens": limit * 5 // 8}
