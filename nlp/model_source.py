"""Is a ``--model`` / ``UMOT_MODEL`` value usable? Judged without loading it (no torch import).

``umot run`` checks it before it starts the local Prefect API and the crawl:
loading the model happens beside the crawl, so a mistyped path used to fail the
run only after every source was crawled. ``umot score`` asks it before torch
loads: a hub id offline (a typo, ``fsat``, used to cost half a minute of download
retries and a paragraph) and a model folder whose spec is damaged or whose weights
are missing, cut short, a Git LFS pointer or short of a tensor the spec names cost
one line naming the file, and a checkpoint with no classification head or no
tokenizer one line naming the folder, one whose config.json names classes umot cannot map
(an emotion model, 4 classes) or a model_type this transformers does not know one line naming that file.

``fast`` and ``full`` name the shipped models, whatever the current folder holds: a
folder of that name is ``./full`` (or ``full/``, a longer path). This rule is
:func:`shipped_model`; both this check and the loader (nlp.loading) ask it.
"""

from __future__ import annotations

import os
from pathlib import Path

from nlp.hf_checkpoint import checkpoint_folder_error, config_type_error
from nlp.labels import config_labels_error
from nlp.model_spec import ModelSpec
from nlp.weights_file import check_weights_file, checkpoint_weights

#: Files that make a directory a model: ours (nlp.model_spec.CONFIG_FILE) or a Hugging Face checkpoint.
MODEL_FILES = ("umot_model.json", "config.json")
_HERE = Path(__file__).resolve().parent
#: `--model full` / `--model fast` (or UMOT_MODEL=...): the shipped models (ours: their tokenizer is the base package's)
SHIPPED_MODELS = {"full": _HERE / "model", "fast": _HERE / "model_fast"}
SHIPPED_NAMES = ("fast", "full")
DEFAULT_MODEL = "fast"  # within 1 point of the full model (nlp/MODEL_CARD.md), faster


def shipped_model(source: str) -> Path | None:
    """The shipped model's folder where ``source`` is ``fast`` or ``full`` (any case, spaces around), even with
    a folder of that name here; None for anything else, ``./full``, ``full/`` and ``/x/full`` included."""
    return SHIPPED_MODELS.get(source.strip().lower())


def looks_like_path(source: str) -> bool:
    """A value written as a path (``./m``, ``/m``, ``~/m``) or naming something that exists; else a hub id."""
    return source.startswith((".", "/", "~")) or Path(source).expanduser().exists()


def model_source_error(source: str) -> str | None:
    """Why ``source`` cannot be loaded as a model, or None (a shipped model, a model directory, or a hub id
    that is cached here or may be downloaded)."""
    shipped = shipped_model(source)
    if shipped is None and not looks_like_path(source):
        snapshot = hub_snapshot(source)
        return (config_type_error(snapshot) or config_labels_error(snapshot)) if snapshot else hub_model_error(source)
    path = shipped or Path(source).expanduser()
    if shipped is not None and not (path / MODEL_FILES[0]).exists():
        return f"no shipped model in {path}: run `make model`, or pass --model / set UMOT_MODEL"
    if not path.exists():
        return f"{source}: no such model directory"
    if not path.is_dir() or not any((path / name).exists() for name in MODEL_FILES):
        return f"{source}: not a model directory (no {' or '.join(MODEL_FILES)})"
    ours = (path / MODEL_FILES[0]).exists()
    try:
        if ours:  # the spec whole and fitting the base, its weights holding every tensor it names
            spec, weights = ModelSpec.load(path), path / "weights.safetensors"
            spec.check_tensors(weights, check_weights_file(weights))
            return None
        checkpoint_weights(path)
    except (FileNotFoundError, ValueError) as exc:
        return str(exc)
    return checkpoint_folder_error(path) or config_type_error(path) or config_labels_error(path)


def hub_cached(source: str) -> bool:
    """Whether the local Hugging Face cache holds hub id ``source`` (its config.json)."""
    return hub_snapshot(source) is not None


def hub_snapshot(source: str) -> Path | None:
    """The local Hugging Face cache's folder of hub id ``source`` at the revision transformers loads
    (refs/main: one folder per commit), or None where it holds no config.json of it."""
    from huggingface_hub import try_to_load_from_cache
    from huggingface_hub.errors import HFValidationError

    try:
        found = try_to_load_from_cache(source, "config.json")
    except HFValidationError:
        return None
    return Path(found).parent if isinstance(found, str) else None


def hub_model_error(source: str) -> str | None:
    """Why hub id ``source`` cannot be loaded here (not cached, and offline), or None."""
    if hub_cached(source):
        return None
    from difflib import get_close_matches

    near = get_close_matches(source.strip().lower(), SHIPPED_NAMES, n=1)
    hint = f"; did you mean {near[0]}?" if near else ""
    if _offline():
        return (f"{source}: not fast or full, a model directory, or a Hugging Face model in the local cache, "
                f"and the hub cannot be reached{hint}")
    return None


def _offline() -> bool:
    """HF_HUB_OFFLINE is set, or the hub's host does not answer within 3 s (no proxy to go through)."""
    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE or os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return False  # the hub may answer through the proxy: let the loader try
    return not _reachable(constants.ENDPOINT)


def _reachable(endpoint: str) -> bool:
    import socket
    from urllib.parse import urlparse

    url = urlparse(endpoint)
    try:
        with socket.create_connection((url.hostname or "huggingface.co", url.port or 443), timeout=3):
            return True
    except OSError:
        return False
