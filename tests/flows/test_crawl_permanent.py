"""A crawl that fails for good (robots.txt forbids its start URLs, a bad URL, an unknown spider) is not retried.

Before, the crawl task retried it twice (10 s, then 20 s) for the same answer;
network errors keep their retries (tests/flows/test_nightly_flow.py).
"""

from __future__ import annotations

import pytest

from crawlers.runner import CrawlResult
from flows.nightly import nightly
from flows.stage_outcomes import SourceSpec
from flows.tasks.crawl_jobs import permanent_failure, source_outcome
from tests.flows.conftest import review_rows

FAST = dict(crawl_retries=2, retry_delay=0.0, batch_size=10)
FORBIDS = "robots.txt forbids http://shop.test/"


def _spec(*urls: str, spider: str = "schemaorg") -> SourceSpec:
    return SourceSpec(source_id=1, name="shop", brand_id=1, brand="Acme", spider=spider, urls=urls)


@pytest.mark.parametrize(("spec", "message", "why"), [
    (_spec("http://shop.test/"), FORBIDS, FORBIDS),
    (_spec("http://shop.test/", "http://shop.test/b"), FORBIDS, f"{FORBIDS} (and the other 1 start URL)"),
    (_spec("not a url"), "crawl stopped early: start_error", "start URL 'not a url': not an http(s) URL with a host "
                                                                "(http://host/...)"),
    (_spec("ftp://shop.test/"), "could not fetch ftp://shop.test/: DNSLookupError",
     "start URL 'ftp://shop.test/': not an http(s) URL with a host (http://host/...)"),
    (_spec("http://shop.test:80x/"), "crawl stopped early: start_error",
     "start URL 'http://shop.test:80x/': port '80x' is not a port (give 1 to 65535, or none)"),
    (_spec("http://shop.test/", spider="nosuch"), "could not start the crawl: KeyError: 'Spider not found: nosuch'",
     "unknown spider 'nosuch' (the source's kind): no crawler for it"),
], ids=["robots", "robots-every-start", "no-url", "not-http", "bad-port", "unknown-spider"])
def test_a_failure_no_retry_mends_says_why_in_one_line(spec: SourceSpec, message: str, why: str) -> None:
    forbidden = message == FORBIDS  # the crawl's stats say robots.txt forbade every start URL
    assert permanent_failure(spec, message, forbidden=forbidden) == why
    outcome = source_outcome(spec, CrawlResult(ok=False, errors=1, error_message=message, forbidden=forbidden))
    assert outcome.permanent and outcome.error_message == why


@pytest.mark.parametrize(("spec", "message"), [
    (_spec("http://shop.test/", "http://shop.test/b"), FORBIDS),  # not forbidden: the other start URL's network error
    (_spec("http://shop.test/"), "could not fetch http://shop.test/: TCPTimedOutError"),
    (_spec("http://shop.test/"), "crawl process exited with code 1: Spider not found: other"),
])
def test_a_failure_that_may_pass_is_not_permanent(spec: SourceSpec, message: str) -> None:
    assert permanent_failure(spec, message) is None
    assert not source_outcome(spec, CrawlResult(ok=False, error_message=message)).permanent
    assert not source_outcome(_spec("not a url"), CrawlResult(ok=True)).permanent  # it did not fail


@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize("sources", [["shop"], ["shop", "forum", "store"]], ids=["alone", "crawled-together"])
def test_robots_forbidding_the_only_start_url_fails_at_once_and_a_network_error_is_retried(
    store, add_source, fake_crawls, fake_scorer, sources
) -> None:
    for name in sources:
        add_source("Globex" if name == "store" else "Acme", name)
    calls = fake_crawls({"shop": [FORBIDS, review_rows("shop", 4)], "forum": [review_rows("forum", 2)],
                         "store": ["could not fetch http://shop.test/: TCPTimedOutError", review_rows("store", 3)]})

    result = nightly(**FAST)

    assert calls.count("shop") == 1  # alone: the task's retry condition; together: not crawled again alone
    assert calls.count("store") == (2 if "store" in sources else 0)  # a network error: retried
    [failed] = result.failed_sources
    assert (failed.source.label, failed.error_message, failed.permanent) == ("Acme/shop", FORBIDS, True)
