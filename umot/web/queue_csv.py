"""Queue rows as CSV, for the web download and ``umot detractors list --format csv``, and as JSON.

Every CSV cell goes through the weekly export's formula-injection guard
(:func:`reporting.csv_safe`): review text is written by strangers and a
brand team opens this file in a spreadsheet. Both come a chunk of rows at a
time (:func:`models.crud.triage.queue.iter_queue`): an export of every flag
never holds them all, nor the whole text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from sqlmodel import Session

from core.ratings import rating_as_published, reasons_as_published
from models.crud.journeys import current_journeys
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


def _with_journeys(session: Session, chunks: Iterable[list[QueueRow]]) -> Iterator[list[tuple[QueueRow, dict | None]]]:
    """Each chunk's rows with their current themes and stages (#18), read a chunk at a time."""
    for rows in chunks:
        journeys = current_journeys(session, [stored_id(r.review) for r in rows])
        yield [(row, journeys.get(stored_id(row.review))) for row in rows]


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def queue_csv_chunks(session: Session, chunks: Iterable[list[QueueRow]]) -> Iterator[str]:
    """The CSV's text, the header and then a chunk of rows at a time; joined, the whole file."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    yield _drain(buf)
    for part in _with_journeys(session, chunks):
        for row, journey in part:
            writer.writerow(["" if cell is None else csv_safe(cell) for cell in csv_row(row, journey)])
        yield _drain(buf)


def queue_json_chunks(session: Session, chunks: Iterable[list[QueueRow]]) -> Iterator[str]:
    """The rows as one JSON array of objects (the CSV's columns and raw values), indented by 2, a chunk at a time;
    joined, exactly ``json.dumps(rows, indent=2, ensure_ascii=False)``. JSON escapes every newline within a
    string, so each line of a row's own dump is one of its lines in the array, 2 spaces further in."""
    opening = "[\n"
    for part in _with_journeys(session, chunks):
        items = (json.dumps(dict(zip(COLUMNS, csv_row(row, journey))), indent=2, ensure_ascii=False, default=str)
                 for row, journey in part)
        text = ",\n".join("  " + item.replace("\n", "\n  ") for item in items)
        if text:
            yield opening + text
            opening = ",\n"
    yield "[]" if opening == "[\n" else "\n]"
