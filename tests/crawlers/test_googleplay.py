"""Google Play spider: AF_initDataCallback and batchexecute parsing, real crawls of a local copy."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest

from crawlers.parsers import googleplay, googleplay_requests
from crawlers.parsers.common import ParseError
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "googleplay"
DETAILS = "/store/apps/details?id=com.acme.shop&hl=en&gl=us"
BROKEN = "/store/apps/details?id=com.broken.app&hl=en&gl=us"
BATCH = "/_/PlayStoreUi/data/batchexecute"
TOKEN = "CpEBCo4BKhpB_token_page2"


def batch_answer(hit) -> tuple[int, str, bytes]:
    """Answer batchexecute like Google: the app and continuation token come in f.req."""
    freq = parse_qs(hit.body.decode())["f.req"][0]
    if "com.acme.shop" not in freq:
        name = "batch_none.txt"
    else:
        name = "batch2.txt" if TOKEN in freq else "batch1.txt"
    return 200, "application/json; charset=utf-8", (FIXTURES / name).read_bytes()


def test_details_page_embedded_reviews() -> None:
    page = googleplay.parse_page((FIXTURES / "details.html").read_bytes(), "https://play.google.com" + DETAILS)
    assert [r["external_id"] for r in page.reviews] == ["gp:AOqpTOH_relevant_001", "gp:AOqpTOH_new_003"]
    first = page.reviews[0]
    assert (first["author"], first["rating"], first["extra"]["thumbs_up"]) == ("Dana Whitfield", 2.0, 31)
    assert (first["reply_text"], first["extra"]["version"]) == ("Sorry Dana, a fix ships this week.", "5.3.0")
    assert first["replied_at"].isoformat() == "2024-02-04T22:40:00+00:00" and page.reviews[1]["reply_text"] is None
    assert first["published_at"].isoformat() == "2024-02-03T22:40:00+00:00"
    assert page.reviews[1]["language"] == "de"


def test_batch_answers_and_request_body() -> None:
    url = googleplay_requests.batch_url("https://play.google.com" + DETAILS)
    assert url == "https://play.google.com/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=us"
    first = googleplay.parse_batch((FIXTURES / "batch1.txt").read_bytes(), url, "com.acme.shop")
    assert first.next_token == TOKEN
    assert [r["author"] for r in first.reviews] == ["Lukas Groß", "Priya 🌸"]
    last = googleplay.parse_batch((FIXTURES / "batch2.txt").read_bytes(), url, "com.acme.shop")
    assert last.next_token is None and last.reviews[0]["text"] == "배송이 빠르고 앱이 편리해요."
    assert googleplay.parse_batch((FIXTURES / "batch_none.txt").read_bytes(), url).reviews == []
    # the same null payload with a status at [5] is Google's error answer (HTTP 200), not "no reviews"
    with pytest.raises(ParseError, match="error status 3"):
        googleplay.parse_batch((FIXTURES / "batch_empty.txt").read_bytes(), url)
    body = parse_qs(googleplay_requests.batch_body("com.acme.shop", count=100, token=TOKEN))["f.req"][0]
    import json

    (rpc, inner, _, kind), = json.loads(body)[0]
    assert (rpc, kind) == ("UsvDTd", "generic")
    assert json.loads(inner) == [None, None, [2, 2, [100, None, TOKEN], None, []], ["com.acme.shop", 7]]


def test_default_urls() -> None:
    from crawlers.spiders.googleplay import GooglePlaySpider

    assert GooglePlaySpider.default_urls(None, {"app_id": "com.acme.shop", "country": "de", "lang": "de"}) == [
        "https://play.google.com/store/apps/details?id=com.acme.shop&hl=de&gl=de"
    ]


@pytest.fixture(scope="module")
def site(serve_site):
    routes = {DETAILS: "details.html", BROKEN: "broken.html", f"POST {BATCH}": batch_answer}
    return serve_site(FIXTURES, routes, throttle_once={f"POST {BATCH}"})


def _batch_hits(site, token: bool) -> int:
    return sum(1 for h in site.hits_for(BATCH, "POST") if (TOKEN in parse_qs(h.body.decode())["f.req"][0]) == token)


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(p) for p in (DETAILS, BROKEN)]
    return run_crawl("googleplay", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_page_and_batch_reviews(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert sorted(rows) == ["gp:AOqpTOH_new_002", "gp:AOqpTOH_new_003", "gp:AOqpTOH_old_001", "gp:AOqpTOH_relevant_001"]
    assert _batch_hits(site, token=True) == 1  # the continuation page was followed
    assert rows["gp:AOqpTOH_old_001"].author == "김민수"


@pytest.mark.slow
def test_crawl_retries_the_429_and_counts_the_broken_page(first_crawl, site) -> None:
    # first POST answered 429 and retried; the broken page counted, its app's batch still asked
    assert _batch_hits(site, token=False) == 3
    assert first_crawl.errors == 1 and first_crawl.pages == 5


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_batch(first_crawl, site, crawl_db, local_settings) -> None:
    before = _batch_hits(site, token=True)
    again = run_crawl("googleplay", [site.url(DETAILS)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 2
    assert _batch_hits(site, token=True) == before
