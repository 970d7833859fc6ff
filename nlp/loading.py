"""Which model ``umot score`` runs and how: the shipped full and fast models, a directory of
ours or any Hugging Face checkpoint, on ONNX Runtime (int8) or PyTorch, on every allowed core.

:func:`load_scorer` reads the choice from its arguments or the settings
(UMOT_MODEL, UMOT_BACKEND, UMOT_QUANTIZE, UMOT_THREADS) and returns a
:class:`nlp.scorer.Scorer`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from core.settings import get_settings
from nlp.labels import label_map
from nlp.model_source import DEFAULT_MODEL, SHIPPED_MODELS, shipped_model
from nlp.scorer import Scorer

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

    from nlp.onnx_backend import OnnxRunner

FULL_MODEL_DIR = SHIPPED_MODELS["full"]
FAST_MODEL_DIR = SHIPPED_MODELS["fast"]
DEFAULT_MODEL_DIR = SHIPPED_MODELS[DEFAULT_MODEL]


def set_threads(wanted: int | None = None) -> None:
    """Use every core we are allowed (``wanted`` or UMOT_THREADS overrides when above 0)."""
    if wanted is None:
        wanted = get_settings().threads
    if wanted <= 0:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    torch.set_num_threads(wanted)


def quantize(model: torch.nn.Module) -> torch.nn.Module:
    """int8 dynamic quantisation of the linear layers (weights int8, activations on the fly)."""
    import warnings

    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch 2.13 announces the deprecation of its quantized tensors on every load
        warnings.filterwarnings("ignore", message=r"torch\.quantize_per_tensor", category=UserWarning)
        return quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def load_scorer(model: str | None = None, *, quantized: bool | None = None, backend: str | None = None) -> Scorer:
    """Load a scorer: ``model`` is a directory, a hub id, or "full" / "fast" (the shipped models);
    None -> UMOT_MODEL or the shipped default.

    Our own format (``umot_model.json``) and any Hugging Face sequence-classification
    checkpoint with 2, 3 or 5 sentiment classes are accepted. ``backend`` is
    "onnx" (default, UMOT_BACKEND; falls back to PyTorch where ONNX Runtime is not installed or cannot export
    the network; an unwritable UMOT_CACHE_DIR raises ``OSError``) or
    "torch"; ``quantized`` (int8 weights) defaults to UMOT_QUANTIZE, else on for
    ONNX Runtime and off for PyTorch, where it measured no faster (bench/score.py).
    """
    config = get_settings()
    source = model or config.model or str(DEFAULT_MODEL_DIR)
    backend = (backend or config.backend).strip().lower()
    if backend not in ("onnx", "torch"):
        raise ValueError(f"unknown backend {backend!r} (onnx or torch)")
    if quantized is None:  # int8 pays off on ONNX Runtime, not in PyTorch eager (bench/score.py)
        quantized = config.quantize if config.quantize is not None else backend == "onnx"
    set_threads(config.threads)
    try:
        net, tokenizer, version, settings = _load_net(source)
    except ValueError as exc:  # transformers' own (a hub model's unknown model_type) add a paragraph of pip advice
        raise ValueError(str(exc).strip().split("\n", 1)[0]) from exc
    labels = label_map(net.config.id2label)
    net.eval()
    runner = _onnx_runner(net, version, quantized) if backend == "onnx" else None
    scored: torch.nn.Module = net
    if runner is not None:
        version += "+onnx-int8" if quantized else "+onnx"
    elif quantized:
        scored = quantize(net)
        version += "+int8"
    return Scorer(scored, tokenizer, labels, version=version, runner=runner, **settings)


def _load_net(source: str) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, str, dict[str, Any]]:
    """The network, its tokenizer, its version (name@digest of its weights; a checkpoint's of its config.json
    and tokenizer files too) and the scorer's settings."""
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bars in CLI output

    from nlp.base_checkpoint import base_model_dir
    from nlp.checkpoint_version import load_folder, load_hub
    from nlp.model_source import looks_like_path
    from nlp.model_spec import CONFIG_FILE
    from nlp.overlay import file_digest, load_overlay

    net: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    shipped = shipped_model(source)  # fast/full, even with a folder of that name here (nlp.model_source)
    path = shipped or Path(source).expanduser()
    if path.is_dir() and (path / CONFIG_FILE).exists():  # ours, even with its weights missing: say which file
        net, spec = load_overlay(path)
        tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)  # ours keep none
        settings: dict[str, Any] = dict(
            max_length=spec.max_length, head_tokens=spec.head_tokens,
            detractor_threshold=spec.detractor_threshold, mismatch_threshold=spec.mismatch_threshold,
        )
        return net, tokenizer, f"{spec.name}@{file_digest(path / 'weights.safetensors')}", settings
    if shipped is not None or path in SHIPPED_MODELS.values():
        raise FileNotFoundError(f"no shipped model in {path}: run `make model`, or pass --model / set UMOT_MODEL")
    if path.is_dir() and (path / "config.json").exists():
        return load_folder(path)  # versioned by its config, weights and tokenizer files (nlp.checkpoint_version)
    if looks_like_path(source):
        raise FileNotFoundError(f"{source}: not a model directory (no umot_model.json or config.json)")
    return load_hub(source)  # offline and not cached: one line now, not a minute of retries


def _onnx_runner(net: torch.nn.Module, version: str, quantized: bool) -> OnnxRunner | None:
    """The network exported to ONNX Runtime, or None where it is not installed or cannot export it.

    Both fall back to PyTorch for good (the same model always falls back, so its version stays one). A cache
    folder the export cannot be written to (not writable, a file, a full disk) is an error instead: falling
    back for the night would give the scores another version (``+int8``, not ``+onnx-int8``), and stored
    scores are keyed by version, so the whole store would be scored again, with other numbers."""
    from nlp import onnx_backend

    if not onnx_backend.available():
        return None
    try:
        return onnx_backend.runner_for(net, version, quantized=quantized, threads=torch.get_num_threads())
    except OSError as exc:
        folder = onnx_backend.cache_dir()
        why = "not a folder" if folder.exists() and not folder.is_dir() else exc.strerror or str(exc)
        raise OSError(f"UMOT_CACHE_DIR {folder}: cannot write the model's ONNX export there ({why}); "
                      "make it writable or set UMOT_CACHE_DIR to a folder that is") from None
    except Exception as exc:  # an architecture the exporter cannot handle: stay on torch
        import warnings

        warnings.warn(f"ONNX export failed ({exc}); scoring with PyTorch", stacklevel=3)
        return None
