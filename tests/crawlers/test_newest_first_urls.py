"""A listing's start URL is read newest first, given or built: an incremental crawl stops at the first
page of stored reviews, which holds only in that order (a Trustpilot URL without ``sort=recency`` is
"most relevant" first: the second crawl stopped at page 1 and never saw the new review)."""

from __future__ import annotations

import logging

import pytest

from crawlers.spiders._listing import ListingSpider
from crawlers.spiders.appstore import AppStoreSpider
from crawlers.spiders.hackernews import HackerNewsSpider
from crawlers.spiders.reddit import RedditSpider
from crawlers.spiders.trustpilot import TrustpilotSpider
from crawlers.spiders.yelp import YelpSpider

FEED = "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/{}json"


@pytest.mark.parametrize(("spider", "given", "read"), [
    (TrustpilotSpider, "https://www.trustpilot.com/review/acme.example",
     "https://www.trustpilot.com/review/acme.example?sort=recency"),
    (TrustpilotSpider, "https://www.trustpilot.com/review/acme.example?languages=all&page=2",
     "https://www.trustpilot.com/review/acme.example?languages=all&page=2&sort=recency"),
    (YelpSpider, "https://www.yelp.com/biz/acme-sf", "https://www.yelp.com/biz/acme-sf?sort_by=date_desc"),
    (RedditSpider, "https://www.reddit.com/search.json?q=Acme", "https://www.reddit.com/search.json?q=Acme&sort=new"),
    (AppStoreSpider, "https://itunes.apple.com/us/rss/customerreviews/id=42/json",
     "https://itunes.apple.com/us/rss/customerreviews/id=42/sortby=mostrecent/json"),
    (HackerNewsSpider, "https://hn.algolia.com/api/v1/search_by_date?query=Acme&tags=(story,comment)",
     "https://hn.algolia.com/api/v1/search_by_date?query=Acme&tags=(story,comment)"),  # kept as written
], ids=["trustpilot", "trustpilot-query", "yelp", "reddit", "appstore", "hackernews-by-date"])
def test_a_given_url_without_a_sort_is_read_newest_first(spider: type[ListingSpider], given: str, read: str,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="crawlers.spiders._listing"):
        assert spider(urls=[given]).start_urls == [read]
    assert not caplog.records  # nothing the user chose was overridden


@pytest.mark.parametrize(("spider", "given", "read", "said"), [
    (TrustpilotSpider, "https://www.trustpilot.com/review/acme.example?sort=relevance&page=1",
     "https://www.trustpilot.com/review/acme.example?page=1&sort=recency", "sort=relevance"),
    (YelpSpider, "https://www.yelp.com/biz/acme-sf?sort_by=rating_desc",
     "https://www.yelp.com/biz/acme-sf?sort_by=date_desc", "sort_by=rating_desc"),
    (RedditSpider, "https://www.reddit.com/r/acme/search.json?q=Acme&sort=top&restrict_sr=1",
     "https://www.reddit.com/r/acme/search.json?q=Acme&restrict_sr=1&sort=new", "sort=top"),
    (AppStoreSpider, FEED.format("sortBy=mostHelpful/"), FEED.format("sortby=mostrecent/"), "sortBy=mostHelpful"),
    (HackerNewsSpider, "https://hn.algolia.com/api/v1/search?query=Acme&tags=story",
     "https://hn.algolia.com/api/v1/search_by_date?query=Acme&tags=story", "relevance"),
], ids=["trustpilot", "yelp", "reddit", "appstore", "hackernews"])
def test_another_sort_the_user_set_is_overridden_in_one_info_line(spider: type[ListingSpider], given: str, read: str,
                                                                  said: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="crawlers.spiders._listing"):
        assert spider(urls=[given]).start_urls == [read]
    assert len(caplog.records) == 1
    assert given in caplog.text and said in caplog.text and "newest first" in caplog.text


def test_built_urls_and_newest_first_ones_stay_as_they_are() -> None:
    for spider, options in ((TrustpilotSpider, {"domain": "acme.example"}), (YelpSpider, {"biz": "acme-sf"}),
                            (RedditSpider, {"query": "Acme"}), (AppStoreSpider, {"app_id": "42"}),
                            (HackerNewsSpider, {"query": "Acme"})):
        built = spider.default_urls("Acme", options)
        assert spider(brand="Acme", **options).start_urls == built
        assert spider(urls=built).start_urls == built
