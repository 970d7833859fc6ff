"""``detractors-<brand>-<week>.csv``: one row per flagged review of the week, with what the
model read in it and its current themes and journey stages, for the brand team to act on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from core.ratings import rating_as_published, reasons_as_published
from models.crud.journeys import current_journeys
from models.stored import stored_id
from reporting.columns import DETRACTOR_COLUMNS
from reporting.detractor_data import FlaggedReview, load_detractors
from reporting.files import write_csv
from reporting.rounding import round_half_up
from reporting.themes import journey_cells


def write_detractors_csv(
    session: Session, brand_id: int, start: datetime, end: datetime, path: Path, zone: ZoneInfo, *, excel: bool = False
) -> Path:
    """Write the brand's flagged reviews dated in [start, end) to ``path``, worst first; return ``path``."""
    items = load_detractors(session, brand_id, start, end)
    journeys = current_journeys(session, [stored_id(item.review) for item in items])
    rows = (_detractor_row(item, zone, journeys.get(stored_id(item.review))) for item in items)
    return write_csv(path, list(DETRACTOR_COLUMNS), rows, excel=excel)


def _detractor_row(item: FlaggedReview, zone: ZoneInfo, journey: dict | None = None) -> list[object]:
    """One CSV row in :data:`DETRACTOR_COLUMNS` order; dates in the export's timezone, ratings as published."""
    review, flag, score = item.review, item.flag, item.score
    when = item.date.replace(tzinfo=UTC) if item.date.tzinfo is None else item.date
    values = {
        "review_id": review.id,
        "date": when.astimezone(zone).isoformat(timespec="seconds"),
        "source": review.source,
        "url": review.url,
        "author": review.author,
        "rating": review.rating,
        "rating_as_published": rating_as_published(review.rating, review.rating_raw, review.rating_scale),
        "predicted_stars": _round(score.stars if score else None),
        "label": score.label if score else None,
        "p_negative": _round(score.p_negative if score else None),
        "p_neutral": _round(score.p_neutral if score else None),
        "p_positive": _round(score.p_positive if score else None),
        "reasons": "; ".join(reasons_as_published(
            flag.reasons or (score.reasons if score else []) or [], review.rating, review.rating_raw, review.rating_scale
        )),
        "referral_intent": review.referral_intent,
        **journey_cells(journey),
        "triage_status": flag.status,
        "severity": _round(flag.severity),
        "title": review.title,
        "text": review.text,
    }
    return [values[c] for c in DETRACTOR_COLUMNS]


def _round(value: float | None, digits: int = 4) -> float | None:
    """Scores to 4 decimals (half up, as every figure): a CSV a person reads, not float noise."""
    return None if value is None else round_half_up(value, digits)
