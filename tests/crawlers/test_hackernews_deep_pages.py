"""Hacker News past Algolia's 1,000 hits: the listing goes on with the hits older than the oldest seen.

Algolia stops ``nbPages`` at 20 pages of 50 even when ``nbHits`` is larger, so a first crawl of a
big brand silently stopped there; and ``page``/``nbPages`` sent as digits stopped it on page 0.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawlers.parsers import hackernews

URL = "https://hn.algolia.com/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29&hitsPerPage=50"


def result(page: Any, pages: Any, hits: int, total: Any, newest: int = 1709900000) -> str:
    items = [{"objectID": str(newest - i), "author": "x", "created_at_i": newest - i * 60,
              "comment_text": f"acme mention {i}", "story_title": "Ask HN"} for i in range(hits)]
    return json.dumps({"hits": items, "page": page, "nbPages": pages, "hitsPerPage": 50, "nbHits": total})


def query(url: str | None) -> dict[str, list[str]]:
    assert url is not None
    return parse_qs(urlsplit(url).query)


def test_last_capped_page_goes_on_with_older_hits() -> None:
    page = hackernews.parse(result(19, 20, 50, 4321), URL + "&page=19")
    oldest = 1709900000 - 49 * 60
    params = query(page.next_url)
    assert params["numericFilters"] == [f"created_at_i<{oldest}"] and "page" not in params
    assert params["query"] == ["acme"] and str(page.next_url).split("?")[0].endswith("/search_by_date")


def test_a_later_bound_replaces_the_earlier_and_keeps_other_filters() -> None:
    url = URL + "&numericFilters=points%3E2%2Ccreated_at_i%3C1709000000&page=19"
    page = hackernews.parse(result(19, 20, 50, 4321, newest=1708000000), url)
    assert query(page.next_url)["numericFilters"] == [f"points>2,created_at_i<{1708000000 - 49 * 60}"]


def test_the_true_last_page_ends_the_listing() -> None:
    assert hackernews.parse(result(1, 2, 20, 70), URL + "&page=1").next_url is None
    assert hackernews.parse(result(19, 20, 50, 1000), URL + "&page=19").next_url is None


def test_page_counts_as_digits_page_on() -> None:
    page = hackernews.parse(result("0", "3", 50, "150"), URL)
    assert query(page.next_url)["page"] == ["1"]
    assert hackernews.parse(result("zero", 3, 50, 150), URL).next_url is None
