"""What every site's spider does with what it should not read, one table of sites.

A malformed answer raises ParseError in its parser; in a real crawl a broken page
is logged and counted as one error without failing the crawl, and a start URL
that robots.txt forbids is never requested. The site modules (test_<site>.py)
test what each spider reads; this one keeps these rules the same for all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawlers.parsers import (
    appstore,
    feed,
    googleplay,
    hackernews,
    reddit,
    trustpilot,
    yelp,
)
from crawlers.parsers.common import ParseError
from crawlers.runner import CrawlJob, CrawlResult, run_crawls

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# the URL each site's parser reads its answers as
URLS = {
    "appstore": "https://itunes.apple.com/us/rss/customerreviews/page=1/id=1234567890/sortby=mostrecent/json",
    "feed": "https://blog.example/old-feed.xml",
    "googleplay": "https://play.google.com/store/apps/details?id=com.acme.shop&hl=en&gl=us",
    "hackernews": "https://hn.algolia.com/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29",
    "reddit": "https://www.reddit.com/search.json?q=acme&sort=new&limit=100",
    "trustpilot": "https://www.trustpilot.com/review/acme.example?sort=recency",
    "yelp": "https://www.yelp.com/biz/acme-coffee-san-francisco?sort_by=date_desc",
}

# every malformed answer the sites have shown us (or could): id "<site>-<what>", parser, body
MALFORMED: list[tuple[str, Callable[[bytes, str], Any], bytes]] = [
    ("appstore-empty", appstore.parse, b""),
    ("appstore-html", appstore.parse, b"<html>Service unavailable</html>"),
    ("appstore-feed-is-a-list", appstore.parse, b'{"feed": []}'),
    ("appstore-fixture", appstore.parse, fixture("appstore/malformed.json")),
    ("feed-fixture", feed.parse, fixture("feed/broken.xml")),
    ("feed-empty", feed.parse, b""),
    ("feed-json", feed.parse, b'{"items": []}'),
    ("googleplay-page-fixture", googleplay.parse_page, fixture("googleplay/broken.html")),
    ("googleplay-page-without-data", googleplay.parse_page, b"<html><body>no data</body></html>"),
    ("googleplay-batch-html", googleplay.parse_batch, b")]}'\n\n<html>"),
    ("googleplay-batch-without-reviews", googleplay.parse_batch, b')]}\'\n\n[["di", 1]]'),
    ("hackernews-fixture", hackernews.parse, fixture("hackernews/broken.json")),
    ("hackernews-message", hackernews.parse, b'{"message": "bad"}'),
    ("hackernews-list", hackernews.parse, b"[]"),
    ("reddit-blocked-fixture", reddit.parse, fixture("reddit/blocked.html")),
    ("reddit-listing-without-data", reddit.parse, b'{"kind": "Listing"}'),
    ("reddit-children-not-a-list", reddit.parse, b'{"data": {"children": 3}}'),
    ("trustpilot-fixture", trustpilot.parse, fixture("trustpilot/malformed.html")),
    ("trustpilot-access-denied", trustpilot.parse, b"<html><body>Access denied</body></html>"),
    ("trustpilot-next-data-without-reviews", trustpilot.parse,
     b'<script id="__NEXT_DATA__">{"props": {}}</script>'),
    ("yelp-fixture", yelp.parse, fixture("yelp/malformed.html")),
    ("yelp-captcha", yelp.parse, b"<html>captcha</html>"),
    ("yelp-empty", yelp.parse, b""),
]


@pytest.mark.parametrize(("case", "parse", "body"), MALFORMED, ids=[case for case, _, _ in MALFORMED])
def test_malformed_answer_raises_parse_error(
    case: str, parse: Callable[[bytes, str], Any], body: bytes
) -> None:
    with pytest.raises(ParseError):
        parse(body, URLS[case.split("-", 1)[0]])


@dataclass(frozen=True)
class BadSite:
    """A spider's two start URLs on a fixture site, and the fixture files served there."""

    broken: str  # a page whose answer is malformed
    private: str  # a page under /private/, which the site's robots.txt disallows
    routes: dict[str, str]  # path -> fixture file; the private page holds good reviews
    pages: int = 1  # pages the crawl reads


APPSTORE_FEED = "/{country}/rss/customerreviews/page=1/id=1/sortby=mostrecent/json"
GOOGLEPLAY_BATCH = "POST /_/PlayStoreUi/data/batchexecute"


def _site(broken: tuple[str, str], private: tuple[str, str], *, pages: int = 1,
          more: dict[str, str] | None = None) -> BadSite:
    """From (path, fixture file) of the broken and of the private page."""
    routes = {broken[0]: broken[1], private[0]: private[1], **(more or {})}
    return BadSite(broken[0], private[0], routes, pages)


SITES = {
    "appstore": _site((APPSTORE_FEED.format(country="gb"), "malformed.json"),
                      ("/private" + APPSTORE_FEED.format(country="fr"), "page1.json")),
    "feed": _site(("/old-feed.xml", "broken.xml"), ("/private/feed.xml", "rss.xml")),
    # a broken details page still asks for its app's reviews (answered: none), a second page
    "googleplay": _site(("/store/apps/details?id=com.broken.app&hl=en&gl=us", "broken.html"),
                        ("/private/store/apps/details?id=com.acme.shop", "details.html"),
                        pages=2, more={GOOGLEPLAY_BATCH: "batch_none.txt"}),
    "hackernews": _site(("/api/v1/search_by_date?query=acme&tags=bad", "broken.json"),
                        ("/private/api/v1/search_by_date?query=acme", "page0.json")),
    "reddit": _site(("/r/de/search.json?q=acme&restrict_sr=1&sort=new", "blocked.html"),
                    ("/private/search.json?q=acme", "page1.json")),
    "trustpilot": _site(("/review/broken.example", "malformed.html"),
                        ("/private/review/acme.example", "page1.html")),
    "yelp": _site(("/biz/broken-place", "malformed.html"), ("/private/biz/acme-coffee", "page1.html")),
}


@pytest.fixture(scope="module")
def bad_crawls(serve_site, crawl_db, local_settings) -> dict[str, tuple[Any, CrawlResult]]:
    """Every spider's crawl of its broken and forbidden pages, all in one Scrapy process."""
    sites = {spider: serve_site(FIXTURES / spider, bad.routes) for spider, bad in SITES.items()}
    jobs = [
        CrawlJob(spider, [sites[spider].url(bad.broken), sites[spider].url(bad.private)],
                 brand=f"Acme {spider}", database_url=crawl_db, settings=local_settings)
        for spider, bad in SITES.items()
    ]
    return dict(zip(SITES, zip(sites.values(), run_crawls(jobs))))


@pytest.mark.slow
@pytest.mark.parametrize("spider", sorted(SITES))
def test_broken_page_is_counted_and_robots_txt_obeyed(spider, bad_crawls, crawl_db, stored_reviews) -> None:
    site, result = bad_crawls[spider]
    assert result.ok, result.error_message  # a broken page fails the page, not the crawl
    # two errors: the broken page and the start URL robots.txt forbids (not fetched, but counted)
    assert (result.errors, result.pages, result.items_new) == (2, SITES[spider].pages, 0)
    assert site.hits_for("/robots.txt")
    assert not site.hits_for(SITES[spider].private)
    assert stored_reviews(crawl_db, f"Acme {spider}") == []

    from models.db import get_engine, session_scope
    from models.tables import CrawlRun

    with session_scope(get_engine(crawl_db), write=False) as session:
        run = session.get(CrawlRun, result.run_id)
        assert (run.status, run.spider, run.errors, run.pages) == ("ok", spider, 2, SITES[spider].pages)
