"""Fast CPU scoring: any sentiment checkpoint -> ``ReviewScore`` per review.

:class:`Scorer` holds a loaded model and its settings and runs three steps,
each in its own module: ``nlp.scoring_batches`` (head + tail tokens, small
length-sorted batches: where the speed comes from), ``nlp.scoring_logits``
(ONNX Runtime int8, one batch per core, or PyTorch eager with
``UMOT_BACKEND=torch``) and ``nlp.scoring_results`` (probabilities -> label,
stars and the detractor decision). ``bench/score.py`` measures each step.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from nlp import detractor
from nlp.labels import LabelMap
from nlp.result import ReviewScore
from nlp.scoring_batches import Batch, encode_head_tail, length_sorted_batches
from nlp.scoring_logits import batch_logits, softmax
from nlp.scoring_results import review_scores
from nlp.text import clean_words

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

    from nlp.onnx_backend import OnnxRunner


class Scorer:
    """A loaded model with its tokenizer, label mapping and detractor thresholds.

    The settings are plain attributes, read on every call: the benchmarks and
    tests change ``batch_size``, ``max_batch_tokens`` or ``runner.workers`` in place.
    """

    def __init__(
        self,
        model: torch.nn.Module,
        tokenizer: PreTrainedTokenizerBase,
        labels: LabelMap,
        *,
        version: str,
        max_length: int = 256,
        head_tokens: int = 160,
        detractor_threshold: float = detractor.DETRACTOR_THRESHOLD,
        mismatch_threshold: float = detractor.MISMATCH_THRESHOLD,
        batch_size: int = 32,
        max_batch_tokens: int = 1024,
        runner: OnnxRunner | None = None,
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

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids with special tokens; long texts keep their head and tail tokens."""
        return encode_head_tail(self.tokenizer, texts, self.max_length, self.head_tokens)

    def _batches(self, encoded: list[list[int]]) -> Iterator[Batch]:
        """This scorer's length-sorted batches (``batch_size`` rows, ``max_batch_tokens`` tokens at most)."""
        return length_sorted_batches(encoded, batch_size=self.batch_size, max_batch_tokens=self.max_batch_tokens,
                                     pad_id=self.tokenizer.pad_token_id or 0)

    def _logits(self, batches: list[Batch]) -> Iterator[tuple[list[int], np.ndarray]]:
        """(rows, float64 logits) per batch, on the runner (its ``workers`` at once) or the torch model."""
        return batch_logits(batches, self.model, self.runner)

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
                probs[idx] = softmax(logits)
                if bar is not None:
                    bar.update(task, advance=len(idx))
        finally:
            if bar is not None:
                bar.stop()
        return probs

    def score(
        self,
        texts: Sequence[object],
        ratings: Sequence[object] | None = None,
        *,
        progress: bool = False,
    ) -> list[ReviewScore]:
        """Score reviews; never raises on odd values (see ``nlp.text``; an unusable rating counts as none)."""
        return self.score_detailed(texts, ratings, progress=progress)[0]

    def score_detailed(
        self,
        texts: Sequence[object],
        ratings: Sequence[object] | None = None,
        *,
        progress: bool = False,
    ) -> tuple[list[ReviewScore], np.ndarray]:
        """``score`` plus the model's class probabilities (NaN rows for empty texts)."""
        if ratings is not None and len(ratings) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(ratings)} ratings")
        pairs = [clean_words(t) for t in texts]  # (model text, the words every path's language guess reads)
        cleaned = [text for text, _ in pairs]
        todo = [i for i, t in enumerate(cleaned) if t]
        probs = self.predict_proba([cleaned[i] for i in todo], progress=progress)
        results = review_scores(cleaned, [words for _, words in pairs], probs, self.labels, ratings,
                                detractor_threshold=self.detractor_threshold, mismatch_threshold=self.mismatch_threshold)
        full = np.full((len(cleaned), self.labels.num_labels), np.nan, dtype=np.float32)
        full[todo] = probs
        return results, full
