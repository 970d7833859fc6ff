"""Published dates: day/month order from the page's language, and dates in the future are no dates."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawlers.extract.dates import iso_utc
from crawlers.extract.schemaorg import extract_page
from crawlers.import_columns import ImportFileError
from crawlers.import_other_ids import DATE_ORDER, NO_ORDER
from crawlers.import_rows import to_row


def _page(date: str, lang: str | None, in_language: str | None = None) -> str:
    review = {"@type": "Review", "@id": "#r1", "author": "Ana", "reviewBody": "Tres bonne bouilloire, je la recommande",
              "datePublished": date, "reviewRating": {"ratingValue": 5}}
    if in_language:
        review["inLanguage"] = in_language
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": [review]}
    html_lang = f" lang='{lang}'" if lang else ""
    return (f"<!doctype html><html{html_lang}><head><title>t</title></head><body>"
            f'<script type="application/ld+json">{json.dumps(data)}</script></body></html>')


def _published(date: str, lang: str | None, in_language: str | None = None) -> str | None:
    (row,) = extract_page(_page(date, lang, in_language), "https://shop.example/kettle").reviews
    return row["published_at"]


PUBLISHED_RAW = "published_raw"  # the extra key keeping a refused published date (docs/crawl.md)
MARCH_5, MAY_3 = "2024-03-05T12:00:00+00:00", "2024-05-03T12:00:00+00:00"  # a day: its noon (UTC here)


@pytest.mark.parametrize(
    ("lang", "in_language", "expected"),
    [
        ("fr", None, MARCH_5),
        ("de", None, MARCH_5),
        ("en-GB", None, MARCH_5),
        ("en_gb", None, MARCH_5),
        ("en-GB", "en", MARCH_5),  # the page's region decides for the review's bare "en"
        ("en", "de-DE", MARCH_5),  # the review's declared language first
        ("pt-BR", None, MARCH_5),  # a region dateparser lacks: its language's order
        ("en-US", None, MAY_3),
        ("en", None, MAY_3),
        (None, None, MAY_3),  # no language: as before
        ("xx", None, MAY_3),  # a language dateparser does not know: as before
    ],
)
def test_numeric_dates_follow_the_page_language(lang: str | None, in_language: str | None, expected: str) -> None:
    assert _published("05/03/2024", lang, in_language) == expected


@pytest.mark.parametrize("lang", ["fr", "de", "en-GB", "en-US", None])
def test_iso_dates_are_never_reordered(lang: str | None) -> None:
    assert _published("2024-03-05", lang) == MARCH_5
    assert iso_utc("2024-03-05T10:00:00+01:00") == "2024-03-05T09:00:00+00:00"


def test_unambiguous_and_worded_dates_whatever_the_language() -> None:
    assert _published("13/03/2024", "en-US") == "2024-03-13T12:00:00+00:00"
    assert _published("March 5, 2024", "fr") == MARCH_5
    assert _published("5 mars 2024", "fr") == MARCH_5


def test_a_page_date_in_the_future_is_no_date() -> None:
    (far, near) = [extract_page(_page(d, "en"), "https://shop.example/k").reviews[0]
                   for d in ("2099-06-01", (datetime.now(UTC) + timedelta(days=30)).date().isoformat())]
    assert far["published_at"] is None and far["extra"][PUBLISHED_RAW] == "2099-06-01"
    assert near["published_at"] is None and PUBLISHED_RAW in near["extra"]
    today = extract_page(_page(datetime.now(UTC).date().isoformat(), "en"), "https://shop.example/k").reviews[0]
    assert today["published_at"] is not None and PUBLISHED_RAW not in today["extra"]


def test_a_day_of_slack_for_time_zones() -> None:
    from crawlers.extract.dates import set_published

    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    ahead = {"extra": {}}  # 2027-01-04 10:00 UTC: four weeks after it was read
    assert set_published(ahead, "2027-01-05T00:00:00+14:00", now=now)
    assert ahead == {"published_at": None, "extra": {PUBLISHED_RAW: "2027-01-05T00:00:00+14:00"}}
    kiribati = {"extra": {}}  # tomorrow in UTC+14 is today in UTC
    assert set_published(kiribati, "2026-12-07T05:00:00+14:00", now=now)
    assert kiribati == {"published_at": "2026-12-06T15:00:00+00:00", "extra": {}}
    unreadable = {"extra": {}}
    assert not set_published(unreadable, "not a date", now=now) and unreadable["published_at"] is None


def test_an_imported_date_in_the_future_is_no_date() -> None:
    row = to_row({"text": "awful kettle, it leaked", "date": "2099-06-01", "Country": "PT"},
                 where="r.csv line 2", scale=5, source="import:r.csv")
    assert row["published_at"] is None
    assert row["extra"] == {"Country": "PT", PUBLISHED_RAW: "2099-06-01", DATE_ORDER: NO_ORDER}  # its id's day
    past = to_row({"text": "fine", "date": "2024-03-05"}, where="r.csv line 3", scale=5, source="import:r.csv")
    assert past["published_at"] == MARCH_5 and past["extra"] == {DATE_ORDER: NO_ORDER}
    with pytest.raises(ImportFileError, match=r"r\.csv line 4: date 'soon' is not a date"):
        to_row({"text": "fine", "date": "soon"}, where="r.csv line 4", scale=5, source="import:r.csv")


def test_an_imported_date_before_1990_is_no_date_and_kept_raw() -> None:
    """The store dropped it silently (no raw kept): the review counted in the week it was first seen."""
    row = to_row({"text": "old kettle", "date": "1950-06-01"}, where="r.csv line 2", scale=5, source="import:r.csv")
    assert row["published_at"] is None and row["extra"] == {PUBLISHED_RAW: "1950-06-01", DATE_ORDER: NO_ORDER}


@pytest.mark.parametrize("written", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_a_date_utc_cannot_hold_is_one_line_not_a_traceback(written: str) -> None:
    """``astimezone`` overflowed: ``umot import`` and ``crawl --since`` ended in OverflowError."""
    with pytest.raises(ImportFileError, match=rf"r\.csv line 2: date '{re.escape(written)}' is not a date"):
        to_row({"text": "fine", "date": written}, where="r.csv line 2", scale=5, source="import:r.csv")


@pytest.mark.slow
def test_a_crawled_review_dated_in_the_future_is_stored_as_first_seen(
    serve_site, tmp_path_factory, local_settings, crawl_db, stored_reviews
) -> None:
    from crawlers.runner import run_crawl

    def future(hit: object) -> tuple[int, str, bytes]:
        return 200, "text/html; charset=utf-8", _page("2099-06-01", "en").encode()

    site = serve_site(Path(tmp_path_factory.mktemp("site")), {"/future/": future})
    before = datetime.now(UTC)
    result = run_crawl("schemaorg", [site.url("/future/")], brand="Acme", database_url=crawl_db,
                       settings=local_settings, timeout=120)
    assert result.ok and result.items_new == 1, result.error_message
    (review,) = stored_reviews(crawl_db, "Acme")
    assert review.published_at is None and review.extra[PUBLISHED_RAW] == "2099-06-01"
    assert review.first_seen_at.replace(tzinfo=UTC) >= before - timedelta(seconds=1)  # the week it was read
