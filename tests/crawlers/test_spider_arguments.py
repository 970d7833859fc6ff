"""ReviewSpider's arguments, its store URL and its ``since`` stop, without a crawl."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.spiders.arguments import parse_since, parse_source_id, split_urls
from crawlers.spiders.base import ReviewSpider
from crawlers.store_url import store_url


class _Spider(ReviewSpider):
    name = "args_test"


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        ("http://a/1, http://a/2", ["http://a/1", "http://a/2"]),
        (["http://a/1", " ", "http://a/2 "], ["http://a/1", "http://a/2"]),
        (" , ,", []),
        (None, []),
    ],
)
def test_split_urls_drops_blanks(urls: str | list[str] | None, expected: list[str]) -> None:
    assert split_urls(urls) == expected


def test_since_must_be_a_date() -> None:
    since = parse_since("2024-01-31")
    assert since is not None and since.date().isoformat() == "2024-01-31"
    assert parse_since("") is None
    with pytest.raises(ValueError, match="since='last tuesdayish' is not a date"):
        _Spider(urls="http://a/", since="last tuesdayish")


@pytest.mark.parametrize(("value", "expected"), [("7", 7), (7, 7), ("None", None), ("", None), (None, None)])
def test_source_id(value: str | int | None, expected: int | None) -> None:
    assert parse_source_id(value) == expected


def test_store_url_is_none_when_the_crawl_writes_jsonl() -> None:
    assert store_url(Settings({"CRAWL_DATABASE_URL": "sqlite:///x.db"})) == "sqlite:///x.db"
    assert store_url(Settings({"CRAWL_DATABASE_URL": "sqlite:///x.db", "CRAWL_OUTPUT": "out.jsonl"})) is None
    assert store_url(Settings({"CRAWL_DATABASE_URL": ""})) is None


def test_reviews_older_than_since_are_counted_and_stop_pagination() -> None:
    crawler = get_crawler(_Spider, {"CRAWL_OUTPUT": "out.jsonl"})
    spider = _Spider.from_crawler(crawler, urls="http://a/x", brand=" Acme ", since="2024-01-01", source_id="3")
    spider._opened(spider)
    assert (spider.brand, spider.source_id, spider.start_urls) == ("Acme", 3, ["http://a/x"])
    old, new, undated = {"published_at": "2023-05-01"}, {"published_at": "2024-02-01"}, {"text": "no date"}
    assert [spider.keep(r) for r in (old, new, undated)] == [False, True, True]
    assert spider.should_follow_next([old, new], "http://a/x")
    assert not spider.should_follow_next([old, old], "http://a/x")
    assert spider.should_follow_next([], "http://a/x")  # an empty page says nothing about the next
    stats = crawler.stats.get_stats()
    assert stats[keys.START_URLS] == 1 and stats[keys.SKIPPED_OLD] == 1 and stats[keys.STOPPED_SINCE] == 1
    assert keys.STOPPED_KNOWN not in stats  # without a store nothing is known
