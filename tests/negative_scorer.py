"""A stand-in for ``nlp.Scorer`` that reads every text negative (p_negative 0.9) and English: no model to load.

For tests of what happens around the verdict (a declared language, a rating that wins), where the model's
own reading must be the one thing that does not vary.
"""

from __future__ import annotations

from nlp import detractor
from nlp.result import ReviewScore


class NegativeScorer:
    version = "negative-test@1"

    def score(self, texts, ratings=None, *, progress=False):  # noqa: ANN001, ANN201
        rated = ratings or [None] * len(texts)
        return [ReviewScore("negative", 1.5, 0.9, 0.05, 0.05, 0.9, "en", *detractor.decide(0.9, rating))
                for rating in rated]
