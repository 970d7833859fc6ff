"""Platform parsers follow the schema.org rule for dates: one more than a day ahead is unknown.

``make_review`` (every platform parser's row) keeps the raw value in
``extra["published_raw"]``, and reads a numeric date in the review's language.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from crawlers.parsers import trustpilot
from crawlers.parsers.common import make_review


def _review(published_at: object, language: str | None = None) -> dict:
    return make_review(source="trustpilot", external_id="r1", text="Good kettle", published_at=published_at,
                       language=language, extra={"likes": 2})


def test_a_date_far_ahead_is_unknown_and_kept_raw() -> None:
    row = _review("2099-01-01T00:00:00Z")
    assert row["published_at"] is None
    assert row["extra"] == {"likes": 2, "published_raw": "2099-01-01T00:00:00Z"}


def test_epoch_milliseconds_far_ahead_are_unknown() -> None:
    millis = int(datetime(2099, 1, 1, tzinfo=UTC).timestamp() * 1000)
    row = _review(millis)
    assert row["published_at"] is None and row["extra"]["published_raw"] == millis


def test_past_dates_and_tomorrow_are_kept() -> None:
    assert _review("2024-03-08T14:22:10Z")["published_at"] == datetime(2024, 3, 8, 14, 22, 10, tzinfo=UTC)
    soon = datetime.now(UTC) + timedelta(hours=12)
    row = _review(soon.isoformat())
    assert row["published_at"] == soon and "published_raw" not in row["extra"]


def test_numeric_dates_follow_the_reviews_language() -> None:
    assert _review("05/03/2024", "fr")["published_at"] == datetime(2024, 3, 5, 12, tzinfo=UTC)
    assert _review("05/03/2024", "en-US")["published_at"] == datetime(2024, 5, 3, 12, tzinfo=UTC)


def test_a_trustpilot_page_dated_2099() -> None:
    data = {"props": {"pageProps": {
        "businessUnit": {"identifyingName": "acme.example", "displayName": "Acme"},
        "reviews": [{"id": "a1", "rating": 4, "text": "Fine", "language": "en",
                     "consumer": {"displayName": "Kim"}, "dates": {"publishedDate": "2099-06-01T10:00:00.000Z"}}],
        "filters": {"pagination": {"currentPage": 1, "totalPages": 1}},
    }}}
    html = f'<html><script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></html>'
    (row,) = trustpilot.parse(html, "https://www.trustpilot.com/review/acme.example").reviews
    assert row["published_at"] is None
    assert row["extra"]["published_raw"] == "2099-06-01T10:00:00.000Z"
