"""``ReviewScore``: the scorer's verdict on one review (a shared contract)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ReviewScore:
    """Label, expected stars and polarity probabilities, plus the detractor decision.

    ``label`` and the probabilities are None when there was no text to score
    (``reasons`` then says why); ``language`` is None when too short or unsure.
    """

    label: str | None
    stars: float | None
    p_negative: float | None
    p_neutral: float | None
    p_positive: float | None
    confidence: float | None
    language: str | None
    detractor: bool = False
    reasons: list[str] = field(default_factory=list)
    referral_intent: str | None = None  # recommend | warn, set by nlp.review_scoring.score_reviews

    def as_dict(self) -> dict:
        return asdict(self)
