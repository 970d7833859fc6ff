"""The costly fields of a review row, normalised only for reviews the store does not have yet.

A page's parsing time goes to dates (dateparser) and languages (the language model):
:func:`crawlers.extract.review_rows.review_row` leaves both as the page gave them, and
the page's known reviews are set apart before :func:`finish_row` reads the rest.
"""

from __future__ import annotations

from typing import Any

from core.language import detect_language
from crawlers.extract.date_order import date_language
from crawlers.extract.dates import iso_utc, set_published


def finish_row(row: dict[str, Any], page_language: str | None) -> dict[str, Any]:
    """Normalise the costly fields: the dates to ISO 8601 UTC, the language to a code.

    Numeric dates follow the day/month order of the review's declared language,
    else the page's; a published date in the future is no date (``set_published``).
    """
    language = date_language(row["language"], page_language)
    set_published(row, row["published_at"], language)
    if row.get("replied_at"):  # an unreadable date is passed on as written: the store names it
        row["replied_at"] = iso_utc(row["replied_at"], language) or row["replied_at"]
    row["language"] = detect_language(row["text"] or None, row["language"], page_language)
    return row
