"""The rows ``umot score`` reads and writes: texts cut as the store would hold them, and the
columns it adds to each row (whatever else the file holds passes through, nothing of it lost)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.scored_file import KEPT_PREFIX, SCORE_COLUMNS  # shared: umot train reads these files back too

if TYPE_CHECKING:
    from nlp.themes.journey import JourneyResult


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


def kept_columns(columns: list[str]) -> dict[str, str]:
    """Input columns named like a score column -> the name they keep (``input_stars``: a reviewer's stars,
    a crawler's language), so the outputs take their documented names and no input value is lost."""
    taken = set(columns) | set(SCORE_COLUMNS)
    renamed = {}
    for column in columns:
        if column in SCORE_COLUMNS:
            name = KEPT_PREFIX + column
            while name in taken:
                name = KEPT_PREFIX + name
            renamed[column] = name
            taken.add(name)
    return renamed


def output_columns(columns: list[str]) -> list[str]:
    """The input's own columns first (one named like a score column as ``input_<name>``), then :data:`SCORE_COLUMNS`."""
    renamed = kept_columns(columns)
    return [renamed.get(c, c) for c in columns] + SCORE_COLUMNS


def kept_row(row: dict, renamed: dict[str, str]) -> dict:
    """An input row with its colliding columns renamed (:func:`kept_columns`)."""
    return {renamed.get(k, k): v for k, v in row.items()} if renamed else row
