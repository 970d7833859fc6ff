"""Reddit's JSON escapes ``&``, ``<`` and ``>`` unless asked for ``raw_json=1``: umot's URLs ask, and
a listing fetched without it is unescaped. Deleted and removed posts are no mentions."""

from __future__ import annotations

import json
from typing import Any

from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from crawlers.parsers import reddit
from crawlers.spiders.reddit import REMOVED, RedditSpider

SITE = "https://www.reddit.com"


def _post(i: int, title: str, text: str, author: str = "u1") -> dict[str, Any]:
    return {"kind": "t3", "data": {"id": f"p{i}", "name": f"t3_p{i}", "title": title, "selftext": text, "author": author,
                                   "created_utc": 1717000000.0 - i, "permalink": f"/r/x/comments/p{i}/s/",
                                   "url": f"{SITE}/r/x/comments/p{i}/s/", "subreddit": "x"}}


def _listing(*posts: dict[str, Any], after: str | None = "t3_p9") -> bytes:
    return json.dumps({"kind": "Listing", "data": {"after": after, "children": list(posts)}}).encode()


ESCAPED = _post(1, "AT&amp;T vs Acme &lt;3", "Acme &amp; Co is great &gt; others. Literally &amp;amp; too.")


def test_umots_urls_ask_for_raw_json() -> None:
    assert "raw_json=1" in reddit.search_url("Acme")
    assert "raw_json=1" in RedditSpider.default_urls("Acme", {})[0]


def test_a_listing_fetched_without_raw_json_is_unescaped() -> None:
    (post,) = reddit.parse(_listing(ESCAPED), f"{SITE}/search.json?q=Acme&sort=new").reviews
    assert post["title"] == "AT&T vs Acme <3"
    assert post["text"] == "Acme & Co is great > others. Literally &amp; too."


def test_a_raw_json_listing_is_taken_as_it_is() -> None:
    raw = _post(1, "AT&T vs Acme <3", "I write &amp; on purpose")
    page = reddit.parse(_listing(raw), f"{SITE}/search.json?q=Acme&raw_json=1")
    assert (page.reviews[0]["title"], page.reviews[0]["text"]) == ("AT&T vs Acme <3", "I write &amp; on purpose")
    assert page.next_url is not None and "raw_json=1" in page.next_url  # the next page asks again


def test_deleted_and_removed_posts_are_counted_not_stored() -> None:
    deleted = _post(2, "Acme deleted", "[deleted]", author="[deleted]")
    removed = _post(3, "Acme removed", "[removed]")
    orphan = _post(4, "Acme still here", "the account went, the post stays", author="[deleted]")
    page = reddit.parse(_listing(ESCAPED, deleted, removed, orphan), f"{SITE}/search.json?q=Acme")
    assert [r["external_id"] for r in page.reviews] == ["t3_p1", "t3_p4"]
    assert page.reviews[1]["author"] is None and page.removed == 2


def test_the_spider_counts_them_and_pages_past_a_page_of_only_removed_posts() -> None:
    crawler = get_crawler(RedditSpider, {"CRAWL_OUTPUT": "out.jsonl"})
    spider = RedditSpider.from_crawler(crawler, brand="Acme")
    url = f"{SITE}/search.json?q=Acme&raw_json=1"
    response = TextResponse(url, body=_listing(_post(2, "Acme", "[removed]")), encoding="utf-8")
    page = spider.parse_listing(response)
    assert page.reviews == [] and page.next_url == f"{url}&after=t3_p9"
    assert crawler.stats.get_value(REMOVED) == 1
