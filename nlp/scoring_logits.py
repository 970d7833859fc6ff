"""The scorer's network step: padded batches in, float64 logits and class probabilities out.

The network runs on ONNX Runtime with int8 weights, one batch per core at a
time (``nlp.onnx_backend``), or in PyTorch eager with ``UMOT_BACKEND=torch``.
Both give logits as float64, so the softmax after them is the same code.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import torch

if TYPE_CHECKING:
    from nlp.onnx_backend import OnnxRunner
    from nlp.scoring_batches import Batch


def batch_logits(batches: list[Batch], model: torch.nn.Module,
                 runner: OnnxRunner | None) -> Iterator[tuple[list[int], np.ndarray]]:
    """(rows, float64 logits) per batch, from ``runner`` or, where it is None, the torch ``model``.

    A runner with ``workers`` > 1 (ONNX Runtime, one thread per run) gets
    that many batches at once, longest first so the workers finish together:
    independent batches keep both cores busy without the per-operator
    hand-offs of one multi-threaded run, which cost most on small batches
    and on a busy machine.
    """
    if runner is None:
        with torch.inference_mode():
            for idx, batch in batches:
                feed = {k: torch.from_numpy(v) for k, v in batch.items()}
                yield idx, model(**feed).logits.double().numpy()
        return
    workers = int(getattr(runner, "workers", 1) or 1)
    if workers <= 1 or len(batches) <= 1:
        for idx, batch in batches:
            yield idx, np.asarray(runner(batch), dtype=np.float64)
        return
    ordered = sorted(batches, key=lambda b: -b[1]["input_ids"].size)
    with ThreadPoolExecutor(workers) as pool:
        for idx, logits in zip((b[0] for b in ordered), pool.map(lambda b: runner(b[1]), ordered)):
            yield idx, np.asarray(logits, dtype=np.float64)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise class probabilities; the row maximum is subtracted first so ``exp`` cannot overflow."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)
