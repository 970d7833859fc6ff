"""Sentiment scoring: the default fine-tuned MiniLM model, any HF checkpoint, the detractor rule.

``load_scorer()`` returns a :class:`Scorer`; ``Scorer.score(texts, ratings)``
returns one :class:`ReviewScore` per text. Torch is imported only when a scorer
is loaded, so ``import nlp`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlp.result import ReviewScore

if TYPE_CHECKING:
    from nlp.scorer import Scorer

__all__ = ["ReviewScore", "Scorer", "load_scorer"]


def load_scorer(model: str | None = None, *, quantized: bool | None = None, backend: str | None = None) -> Scorer:
    """See :func:`nlp.loading.load_scorer`."""
    from nlp.loading import load_scorer as _load

    return _load(model, quantized=quantized, backend=backend)


def __getattr__(name: str) -> type[Scorer]:
    if name == "Scorer":
        from nlp.scorer import Scorer

        return Scorer
    raise AttributeError(name)
