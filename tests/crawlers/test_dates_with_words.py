"""A date with words around it ("Posted on March 5, 2024", "Publié le 5 mars 2024") is read where it is
the text's one date; the whole text was given to dateparser, which found none, so the review had no date."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crawlers.extract.dates import named_day, parse_datetime
from crawlers.extract.schemaorg import extract_page


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Posted on March 5, 2024", None, datetime(2024, 3, 5, 12, tzinfo=UTC)),
    ("Publié le 5 mars 2024", "fr", datetime(2024, 3, 5, 12, tzinfo=UTC)),
    ("Posted on 05/03/2024", "en-GB", datetime(2024, 3, 5, 12, tzinfo=UTC)),
    ("Posted on March 5, 2024 at 10:30", None, datetime(2024, 3, 5, 10, 30, tzinfo=UTC)),
    ("Reviewed 12 March 2024 by Ann", None, datetime(2024, 3, 12, 12, tzinfo=UTC)),
    ("am 5. März 2024 veröffentlicht", "de", datetime(2024, 3, 5, 12, tzinfo=UTC)),
    ("Publicado el 5 de marzo de 2024", "es", datetime(2024, 3, 5, 12, tzinfo=UTC)),
    ("Posted 5th of March 2024", None, datetime(2024, 3, 5, 12, tzinfo=UTC)),
])
def test_the_one_date_in_a_text_is_read(text: str, language: str | None, expected: datetime) -> None:
    assert parse_datetime(text, language) == expected


@pytest.mark.parametrize("text", [
    "From 5 March 2024 to 7 March 2024",  # two dates: which is the review's?
    "Posted 2024-13-05",  # ISO with no such day: not reordered into 13 May
    "Reviewed in March 2024",  # no day
    "Verified buyer",
    "Trip type: family of 4, March 2024",  # search_dates joined the 4 across the comma: 4 March
    "Verified owner 2 years, May 2023",
    "Rated 5 out of 5, June 2024",
    "Room 12, floor 3, June 2024",
    "Date of stay: March 2024, 2 nights",
])
def test_no_date_or_more_than_one_is_no_date(text: str) -> None:
    assert parse_datetime(text) is None


def test_an_imported_rows_id_still_covers_such_a_date_as_written() -> None:
    """``named_day`` is what an imported row's id covers: reading it now would give stored rows new ids."""
    assert named_day("Posted on March 5, 2024") is None


def test_a_crawled_review_dated_with_words_around_its_date() -> None:
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": [
        {"@type": "Review", "author": "Ann", "reviewBody": "Boils fast.", "datePublished": "Posted on March 5, 2024"}]}
    html = f'<html lang="en"><head><script type="application/ld+json">{json.dumps(product)}</script></head></html>'
    (row,) = extract_page(html, "https://shop.example/kettle").reviews
    assert row["published_at"] == "2024-03-05T12:00:00+00:00"


@pytest.mark.parametrize(("text", "language", "days"), [
    ("Posted 3 days ago", None, 3), ("Reviewed 2 years ago.", "en", 730), ("Bewertet vor 2 Tagen", "de", 2),
    ("Dined 5 days ago", None, 5),
])
def test_a_relative_date_after_words_counts_back_from_now(text: str, language: str | None, days: int) -> None:
    """Read before the search for a year narrowed it: "Posted 3 days ago" had no date (dated when first seen)."""
    parsed = parse_datetime(text, language)
    assert parsed is not None and abs((datetime.now(UTC) - parsed).days - days) <= 2


def test_words_and_a_count_are_no_relative_date() -> None:
    assert parse_datetime("Verified buyer 2 years") is None
