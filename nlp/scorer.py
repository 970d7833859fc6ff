"""Fast CPU scoring: any sentiment checkpoint -> ``ReviewScore`` per review.

Speed comes from the batching, not from a smaller model: texts are tokenised
once, long ones keep their head and tail (the verdict is often in the last
sentence), batches are sorted by length, padded only to their longest member
and kept small (~1,000 tokens: their activations stay in the CPU's cache, which
measured ~15% faster than 4,096-token batches), and the network runs on ONNX
Runtime with int8 weights, one batch per core at a time (``nlp.onnx_backend``;
PyTorch eager with ``UMOT_BACKEND=torch``). ``bench/score.py`` measures each step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch

from core.language import detect_language
from core.settings import get_settings
from nlp import detractor
from nlp.labels import LABELS, LabelMap, label_map
from nlp.result import ReviewScore
from nlp.text import clean_text

FULL_MODEL_DIR = Path(__file__).resolve().parent / "model"
FAST_MODEL_DIR = Path(__file__).resolve().parent / "model_fast"
# `--model full` / `--model fast` (or UMOT_MODEL=...) name the shipped models
SHIPPED_MODELS = {"full": FULL_MODEL_DIR, "fast": FAST_MODEL_DIR}
DEFAULT_MODEL_DIR = FAST_MODEL_DIR  # within 1 point of the full model (nlp/MODEL_CARD.md), faster


class Scorer:
    """A loaded model with its tokenizer, label mapping and detractor thresholds."""

    def __init__(
        self,
        model: torch.nn.Module,
        tokenizer,
        labels: LabelMap,
        *,
        version: str,
        max_length: int = 256,
        head_tokens: int = 160,
        detractor_threshold: float = detractor.DETRACTOR_THRESHOLD,
        mismatch_threshold: float = detractor.MISMATCH_THRESHOLD,
        batch_size: int = 32,
        max_batch_tokens: int = 1024,
        runner=None,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.labels = labels
        self.version = version
        self.max_length = max_length
        self.head_tokens = min(head_tokens, max_length - 2)
        self.detractor_threshold = detractor_threshold
        self.mismatch_threshold = mismatch_threshold
        self.batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self.runner = runner  # batch -> logits; None = the torch model
        self._polarity = torch.zeros(labels.num_labels, 3)
        for i, pol in enumerate(labels.polarity):
            self._polarity[i, pol] = 1.0
        self._stars = torch.tensor(labels.stars)

    # -- tokenisation -------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids with special tokens; long texts keep their head and tail tokens.

        The first and last ids (CLS/SEP, <s>/</s>) are kept as they are.
        """
        ids = self.tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]
        head = self.head_tokens + 1
        tail = self.max_length - head
        return [seq if len(seq) <= self.max_length else seq[:head] + seq[-tail:] for seq in ids]

    def _batches(self, encoded: list[list[int]]) -> Iterator[tuple[list[int], dict[str, np.ndarray]]]:
        """Length-sorted batches of at most ``batch_size`` rows and ``max_batch_tokens`` tokens.

        Short texts go 32 at a time, long ones in smaller groups: every batch's
        activations stay about the same (small) size, and padding stays low
        because neighbours in the sort have similar lengths.
        """
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        groups: list[list[int]] = [[]]
        for i in order:
            group = groups[-1]
            if group and (len(group) >= self.batch_size or (len(group) + 1) * len(encoded[i]) > self.max_batch_tokens):
                groups.append([i])
            else:
                group.append(i)
        pad = self.tokenizer.pad_token_id or 0
        for idx in groups:
            if not idx:
                continue
            width = max(len(encoded[i]) for i in idx)
            input_ids = np.full((len(idx), width), pad, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                seq = encoded[i]
                input_ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1
            yield idx, {"input_ids": input_ids, "attention_mask": mask}

    # -- inference ----------------------------------------------------------
    def predict_proba(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        """Class probabilities (n, num_labels) for already-cleaned, non-empty texts."""
        probs = np.zeros((len(texts), self.labels.num_labels), dtype=np.float32)
        if not texts:
            return probs
        batches = list(self._batches(self.encode(texts)))
        bar = None
        if progress:
            from rich.progress import Progress

            bar = Progress(transient=True)
            task = bar.add_task("scoring", total=len(texts))
            bar.start()
        try:
            for idx, logits in self._logits(batches):
                logits = logits - logits.max(axis=1, keepdims=True)
                e = np.exp(logits)
                probs[idx] = e / e.sum(axis=1, keepdims=True)
                if bar is not None:
                    bar.update(task, advance=len(idx))
        finally:
            if bar is not None:
                bar.stop()
        return probs

    def _logits(self, batches: list[tuple[list[int], dict]]) -> Iterator[tuple[list[int], np.ndarray]]:
        """(rows, float64 logits) per batch.

        A runner with ``workers`` > 1 (ONNX Runtime, one thread per run) gets
        that many batches at once, longest first so the workers finish together:
        independent batches keep both cores busy without the per-operator
        hand-offs of one multi-threaded run, which cost most on small batches
        and on a busy machine.
        """
        if self.runner is None:
            with torch.inference_mode():
                for idx, batch in batches:
                    feed = {k: torch.from_numpy(v) for k, v in batch.items()}
                    yield idx, self.model(**feed).logits.double().numpy()
            return
        workers = int(getattr(self.runner, "workers", 1) or 1)
        if workers <= 1 or len(batches) <= 1:
            for idx, batch in batches:
                yield idx, np.asarray(self.runner(batch), dtype=np.float64)
            return
        ordered = sorted(batches, key=lambda b: -b[1]["input_ids"].size)
        with ThreadPoolExecutor(workers) as pool:
            for idx, logits in zip((b[0] for b in ordered), pool.map(lambda b: self.runner(b[1]), ordered)):
                yield idx, np.asarray(logits, dtype=np.float64)

    def score(
        self,
        texts: Sequence[object],
        ratings: Sequence[float | None] | None = None,
        *,
        progress: bool = False,
    ) -> list[ReviewScore]:
        """Score reviews; never raises on odd values (see ``nlp.text``)."""
        return self.score_detailed(texts, ratings, progress=progress)[0]

    def score_detailed(
        self,
        texts: Sequence[object],
        ratings: Sequence[float | None] | None = None,
        *,
        progress: bool = False,
    ) -> tuple[list[ReviewScore], np.ndarray]:
        """``score`` plus the model's class probabilities (NaN rows for empty texts)."""
        if ratings is not None and len(ratings) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(ratings)} ratings")
        cleaned = [clean_text(t) for t in texts]
        todo = [i for i, t in enumerate(cleaned) if t]
        probs = self.predict_proba([cleaned[i] for i in todo], progress=progress)
        pol = probs @ self._polarity.numpy()
        stars = probs @ self._stars.numpy()
        results: list[ReviewScore] = []
        row_of = {i: r for r, i in enumerate(todo)}
        for i, text in enumerate(cleaned):
            rating = ratings[i] if ratings is not None else None
            if i not in row_of:
                is_det, reasons = detractor.decide(None, rating)
                results.append(ReviewScore(None, None, None, None, None, None, None,
                                           is_det, ["empty text", *reasons]))
                continue
            p = pol[row_of[i]]
            k = int(np.argmax(p))
            lang = detect_language(text)
            is_det, reasons = detractor.decide(
                float(p[0]), rating,
                threshold=self.detractor_threshold, mismatch_threshold=self.mismatch_threshold,
            )
            if lang is not None and lang != "en":
                reasons.append(f"language {lang}: scored by an English model")
            results.append(ReviewScore(
                label=LABELS[k], stars=round(float(stars[row_of[i]]), 3),
                p_negative=round(float(p[0]), 4), p_neutral=round(float(p[1]), 4),
                p_positive=round(float(p[2]), 4), confidence=round(float(p[k]), 4),
                language=lang, detractor=is_det, reasons=reasons,
            ))
        full = np.full((len(cleaned), self.labels.num_labels), np.nan, dtype=np.float32)
        full[todo] = probs
        return results, full


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
    "onnx" (default, UMOT_BACKEND; falls back to PyTorch if the export fails) or
    "torch"; ``quantized`` (int8 weights) defaults to UMOT_QUANTIZE, else on for
    ONNX Runtime and off for PyTorch, where it measured no faster (bench/score.py).
    """
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bars in CLI output

    from nlp.model import base_model_dir, file_digest, is_overlay_dir, load_overlay

    config = get_settings()
    source = model or config.model or str(DEFAULT_MODEL_DIR)
    source = str(SHIPPED_MODELS.get(source.strip().lower(), source))
    path = Path(source).expanduser()
    backend = (backend or config.backend).strip().lower()
    if quantized is None:  # int8 pays off on ONNX Runtime, not in PyTorch eager (bench/score.py)
        quantized = config.quantize if config.quantize is not None else backend == "onnx"
    set_threads(config.threads)
    if path.is_dir() and is_overlay_dir(path):
        net, spec = load_overlay(path)
        tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
        version = f"{spec.name}@{file_digest(path / 'weights.safetensors')}"
        settings = dict(
            max_length=spec.max_length, head_tokens=spec.head_tokens,
            detractor_threshold=spec.detractor_threshold, mismatch_threshold=spec.mismatch_threshold,
        )
    elif path.is_dir() and (path / "config.json").exists():
        net = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True)
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        weights = sorted(path.glob("*.safetensors")) or sorted(path.glob("*.bin"))
        digest = file_digest(weights[0]) if weights else file_digest(path / "config.json")
        version = f"hf:{path.name}@{digest}"
        settings = _hf_settings(tokenizer, net)
    elif path in SHIPPED_MODELS.values():
        raise FileNotFoundError(
            f"no shipped model in {path}: run `make model`, or pass --model / set UMOT_MODEL"
        )
    elif path.exists() or source.startswith((".", "/", "~")):
        raise FileNotFoundError(f"{source}: not a model directory (no umot_model.json or config.json)")
    else:  # a hub id: only where a network (or a local HF cache) exists
        net = AutoModelForSequenceClassification.from_pretrained(source)
        tokenizer = AutoTokenizer.from_pretrained(source)
        version = f"hf:{source}"
        settings = _hf_settings(tokenizer, net)
    labels = label_map(net.config.id2label)
    net.eval()
    runner = None
    if backend == "onnx":
        from nlp import onnx_backend

        if onnx_backend.available():
            try:
                runner = onnx_backend.runner_for(net, version, quantized=quantized, threads=torch.get_num_threads())
                version += "+onnx-int8" if quantized else "+onnx"
            except Exception as exc:  # an architecture the exporter cannot handle: stay on torch
                import warnings

                warnings.warn(f"ONNX export failed ({exc}); scoring with PyTorch", stacklevel=2)
    elif backend != "torch":
        raise ValueError(f"unknown backend {backend!r} (onnx or torch)")
    if runner is None and quantized:
        net = quantize(net)  # type: ignore[assignment]
        version += "+int8"
    return Scorer(net, tokenizer, labels, version=version, runner=runner, **settings)


def _hf_settings(tokenizer, net) -> dict:
    limit = min(256, int(getattr(tokenizer, "model_max_length", 512) or 512),
                int(getattr(net.config, "max_position_embeddings", 512) or 512) - 2)
    return {"max_length": limit, "head_tokens": limit * 5 // 8}
