"""A value of an unexpected shape costs one field, not the page: its good reviews are read and the field
is named in ``skipped`` (logged and counted as a parse error).

Before, ``bestRating: "ten"`` (Trustpilot), ``startResult: "1–10"`` (Yelp) or ``currentPage: "1"``
(Trustpilot) raised out of the parser: every review on the page was lost, with a traceback in the log.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawlers.parsers import appstore, trustpilot, yelp
from crawlers.parsers.common import ParsedPage
from crawlers.parsers.values import to_datetime, to_int
from crawlers.spiders.trustpilot import TrustpilotSpider

TP_URL = "https://www.trustpilot.com/review/acme.com?sort=recency"
REVIEW = {"id": "a1", "rating": 4, "title": "T", "text": "good stuff really", "consumer": {"displayName": "Bob"},
          "dates": {"publishedDate": "2024-03-01T10:00:00.000Z"}}
YELP_REVIEW = {"id": "y1", "rating": 5, "comment": {"text": "great place, friendly staff", "language": "en"},
               "user": {"markupDisplayName": "Ann"}, "localizedDate": "3/7/2024"}


def next_data(pagination: dict[str, Any]) -> str:
    data = {"props": {"pageProps": {"reviews": [REVIEW], "filters": {"pagination": pagination}}}}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def yelp_page(pagination: dict[str, Any]) -> str:
    state = {"x": {"reviews": [YELP_REVIEW], "pagination": pagination}}
    return f'<html><script type="application/json" data-hypernova-key="x">{json.dumps(state)}</script></html>'


def test_trustpilot_page_numbers_as_digits_page_on() -> None:
    page = trustpilot.parse(next_data({"currentPage": "2", "totalPages": "3"}), TP_URL + "&page=2")
    assert [r["external_id"] for r in page.reviews] == ["a1"] and not page.skipped
    assert page.next_url == TP_URL + "&page=3"
    last = trustpilot.parse(next_data({"currentPage": "3", "totalPages": "3"}), TP_URL + "&page=3")
    assert last.next_url is None


def test_trustpilot_page_number_in_words_is_skipped_and_the_url_stands_in() -> None:
    page = trustpilot.parse(next_data({"currentPage": "two", "totalPages": 3}), TP_URL + "&page=2")
    assert [r["external_id"] for r in page.reviews] == ["a1"]
    assert page.next_url == TP_URL + "&page=3"
    assert page.skipped == ["Trustpilot pagination.currentPage 'two' is no whole number: ignored"]


def test_trustpilot_best_rating_in_words_keeps_the_review() -> None:
    node = {"@type": "Review", "@id": "x/1", "reviewBody": "hello there friends", "author": "A",
            "reviewRating": {"ratingValue": "4", "bestRating": "ten"}}
    page = trustpilot.parse(f'<script type="application/ld+json">{json.dumps(node)}</script>', TP_URL)
    (row,) = page.reviews
    assert (row["external_id"], row["text"], row["rating"], row["rating_scale"]) == ("1", "hello there friends", 4.0, 5.0)
    assert page.skipped == ["Trustpilot JSON-LD review x/1: bestRating 'ten' is no number: read as 5"]


def test_yelp_range_as_start_result_keeps_the_reviews_and_pages_from_the_url() -> None:
    url = "https://www.yelp.com/biz/acme?sort_by=date_desc&start=10"
    page = yelp.parse(yelp_page({"startResult": "1–10", "resultsPerPage": 10, "totalResults": 25}), url)
    assert [r["external_id"] for r in page.reviews] == ["y1"]
    assert page.next_url == "https://www.yelp.com/biz/acme?sort_by=date_desc&start=20"
    assert page.skipped == ["Yelp pagination.startResult '1–10' is no whole number: ignored"]


def test_yelp_counts_as_digits_page_on() -> None:
    page = yelp.parse(yelp_page({"startResult": "11", "resultsPerPage": "10", "totalResults": "25"}),
                      "https://www.yelp.com/biz/acme?start=10")
    assert page.next_url == "https://www.yelp.com/biz/acme?start=20" and not page.skipped


@pytest.mark.parametrize("error", [ValueError("could not convert string to float: 'ten'"),
                                   TypeError("can only concatenate str (not \"int\") to str"),
                                   KeyError("id"), AttributeError("'list' object has no attribute 'get'")])
def test_a_parser_crash_is_one_parse_error_naming_the_page(error: Exception, caplog: pytest.LogCaptureFixture) -> None:
    def crash(body: bytes | str, url: str) -> ParsedPage:
        raise error

    class Crashing(TrustpilotSpider):
        parser = staticmethod(crash)

    spider = Crashing(urls=TP_URL)
    errors: list[tuple[str, str]] = []
    spider.parse_error = lambda url, reason: errors.append((url, reason))  # type: ignore[method-assign]
    response = HtmlResponse(TP_URL, body=b"<html></html>", encoding="utf-8")
    assert list(spider.parse_page(response)) == []
    (url, reason), = errors
    assert url == TP_URL and type(error).__name__ in reason
    assert "Traceback" not in caplog.text


def test_epoch_digits_as_text_are_the_instant() -> None:
    midnight = to_datetime(1709251200)
    assert midnight is not None and midnight.isoformat() == "2024-03-01T00:00:00+00:00"
    assert to_datetime("1709251200") == to_datetime("1709251200000") == to_datetime(" 1709251200.0 ") == midnight
    noon = to_datetime("20240301")
    assert noon is not None and noon.day == 1  # a compact day (8 digits) is still a day


def test_to_int_reads_digits_and_refuses_the_rest() -> None:
    assert [to_int(v) for v in (3, "3", " 12 ", 4.0)] == [3, 3, 12, 4]
    assert [to_int(v) for v in ("ten", "1–10", 2.5, True, None, [1])] == [None] * 6


def test_appstore_review_with_empty_rating_is_kept_unrated() -> None:
    entry = {"id": {"label": "1"}, "im:rating": {"label": None}, "title": {"label": "T"},
             "content": {"label": "fine app"}, "author": {"name": {"label": "A"}},
             "updated": {"label": "2024-03-05T08:15:00-07:00"}}
    app = {"id": {"label": "app"}, "im:name": {"label": "Acme"}, "title": {"label": "Acme"}}
    url = "https://itunes.apple.com/us/rss/customerreviews/page=1/id=1/sortby=mostrecent/json"
    page = appstore.parse(json.dumps({"feed": {"entry": [app, entry]}}), url)
    assert [(r["external_id"], r["rating"], r["text"]) for r in page.reviews] == [("1", None, "fine app")]


def test_only_modern_epoch_digit_strings_are_epochs() -> None:
    """A 12-digit compact date (YYYYMMDDhhmm) read as epoch milliseconds was 1976; 11 digits the year 2611."""
    from crawlers.parsers.values import to_datetime

    assert to_datetime("202403011200") is None and to_datetime("170925120") is None
    assert to_datetime("20240301120").year == 2024
