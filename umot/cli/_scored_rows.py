"""The rows ``umot score`` reads and writes: texts cut as the store would hold them, and the
columns it adds to each row (whatever else the file holds passes through)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.themes.journey import JourneyResult

SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons", "referral_intent", "themes", "stages", "primary_stage"]


def texts_as_stored(rows: list[dict], text_column: str) -> tuple[list, int, int]:
    """(texts as the store would hold them, how many were cut, the limit): UMOT_MAX_REVIEW_CHARS applied."""
    from core.settings import get_settings
    from core.text_limit import cut_text

    texts = [row.get(text_column) for row in rows]
    limit, cut = get_settings().max_review_chars, 0
    for i, text in enumerate(texts):
        if isinstance(text, str) and len(text) > limit:
            texts[i], _ = cut_text(text, limit)
            cut += 1
    return texts, cut, limit


def journey_columns(journey: JourneyResult) -> dict:
    """themes as {name: polarity} (JSON object in a CSV cell), stages as a list."""
    return {"themes": journey.themes, "stages": journey.stages, "primary_stage": journey.primary_stage}


def output_columns(columns: list[str]) -> list[str]:
    """The input's own columns first, then :data:`SCORE_COLUMNS` (an input column of that name is replaced)."""
    return [c for c in columns if c not in SCORE_COLUMNS] + SCORE_COLUMNS
