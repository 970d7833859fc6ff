"""``advocates-<brand>-<week>.csv``: who recommended the brand this week, where, and a link to thank them.

Ratings are written as published too (``9/10``, not only the normalised 4.56), as
the detractors' CSV and ``umot detractors list`` write them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from core.ratings import rating_as_published
from models.crud.advocates import Advocate, list_advocates
from reporting.files import write_csv

ADVOCATE_COLUMNS: dict[str, str] = {
    "review_id": "umot's id of the review",
    "date": "when it was written (published, else first seen), ISO 8601 in the export timezone",
    "author": "who recommended the brand, as shown on the site",
    "source": "where, e.g. trustpilot or schemaorg:shop.example",
    "url": "link to the review or mention: reply there to thank them",
    "rating": "their rating, 1-5 (empty for unrated mentions)",
    "rating_as_published": "that rating as the site showed it, e.g. 9/10 or 5★ (empty for unrated mentions)",
    "label": "the model's sentiment of the text",
    "title": "title, if any",
    "text": "what they said",
    "thanked": "yes when the brand already replied at the source",
}


def advocate_row(item: Advocate, zone: ZoneInfo) -> list[object]:
    """One CSV row; the rating as the site showed it (``Advocate.rating_shown``), else written on five stars."""
    values = {
        "review_id": item.review_id,
        "date": item.date.astimezone(zone).isoformat(timespec="seconds") if isinstance(item.date, datetime) else item.date,
        "author": item.author,
        "source": item.source,
        "url": item.url,
        "rating": item.rating,
        "rating_as_published": item.rating_shown or rating_as_published(item.rating),
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "thanked": "yes" if item.thanked else "no",
    }
    return [values[c] for c in ADVOCATE_COLUMNS]


def write_advocates_csv(
    session: Session, brand_id: int, start: datetime, end: datetime, path: Path, zone: ZoneInfo, *, excel: bool
) -> Path:
    """The brand's advocates dated in ``[start, end)``, newest first (header only when none)."""
    items = list_advocates(session, brand_ids=None, brand_id=brand_id, since=start, until=end)
    rows = (advocate_row(a, zone) for a in items)
    return write_csv(path, list(ADVOCATE_COLUMNS), rows, excel=excel)
