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
from reporting import csv_safe

COLUMNS = (
    "flag_id", "review_id", "brand", "date", "source", "url", "author", "rating", "rating_as_published", "predicted_stars",
    "label", "reasons", "referral_intent", "status", "assignee", "severity", "corrected_label", "note",
    "title", "text",
)


def csv_row(row: QueueRow) -> list[object]:
    review, score, flag = row.review, row.score, row.flag
    day = review.published_at or review.first_seen_at
    return [
        flag.id, review.id, row.brand, day.isoformat() if day else None, review.source, review.url,
        review.author, review.rating, rating_as_published(review.rating, review.rating_raw, review.rating_scale),
        round(score.stars, 2) if score and score.stars is not None else None, score.label if score else None,
        "; ".join(reasons_as_published(flag.reasons or [], review.rating, review.rating_raw, review.rating_scale)),
        review.referral_intent, flag.status,
        flag.assignee, round(flag.severity, 4), flag.corrected_label, flag.note, review.title, review.text,
    ]


def write_queue_csv(rows: list[QueueRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if cell is None else csv_safe(cell) for cell in csv_row(row)])
    return buf.getvalue()
