"""Queue rows as CSV, for the web download and ``umot detractors list --format csv``.

Every cell goes through the weekly export's formula-injection guard
(:func:`reporting.csv_safe`): review text is written by strangers and a
brand team opens this file in a spreadsheet.
"""

from __future__ import annotations

import csv
import io

from core.ratings import rating_as_published, reasons_as_published
from models.crud.triage import QueueRow
from models.stored import stored_id
from reporting import csv_safe
from reporting.rounding import round_half_up
from reporting.themes import journey_cells

COLUMNS = (
    "flag_id", "review_id", "brand", "date", "source", "url", "author", "rating", "rating_as_published", "predicted_stars",
    "label", "reasons", "referral_intent", "status", "assignee", "severity", "corrected_label", "note",
    "themes", "stages", "title", "text",
)


def csv_row(row: QueueRow, journey: dict | None = None) -> list[object]:
    """One detractor's cells; ``journey``: its current themes and stages (#18), as the weekly export writes them."""
    review, score, flag = row.review, row.score, row.flag
    day = review.published_at or review.first_seen_at
    return [
        flag.id, review.id, row.brand, day.isoformat() if day else None, review.source, review.url,
        review.author, review.rating, rating_as_published(review.rating, review.rating_raw, review.rating_scale),
        round_half_up(score.stars, 2) if score and score.stars is not None else None, score.label if score else None,
        "; ".join(reasons_as_published(flag.reasons or [], review.rating, review.rating_raw, review.rating_scale)),
        review.referral_intent, flag.status,
        flag.assignee, round_half_up(flag.severity, 4), flag.corrected_label, flag.note,
        *journey_cells(journey).values(), review.title, review.text,
    ]


def write_queue_csv(rows: list[QueueRow], journeys: dict[int, dict] | None = None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for row in rows:
        cells = csv_row(row, (journeys or {}).get(stored_id(row.review)))
        writer.writerow(["" if cell is None else csv_safe(cell) for cell in cells])
    return buf.getvalue()
