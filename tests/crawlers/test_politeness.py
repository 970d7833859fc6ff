"""Polite defaults: settings, identifying User-Agent, back-off on 429."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawlers.retry import BackoffRetryMiddleware
from crawlers.retry_answers import retry_after_seconds
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "schemaorg"


def test_polite_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UMOT_HTTPCACHE", raising=False)
    monkeypatch.setenv("UMOT_CONTACT_URL", "https://brand.example/bot")
    import crawlers.settings as settings

    settings = importlib.reload(settings)
    assert settings.ROBOTSTXT_OBEY is True and settings.AUTOTHROTTLE_ENABLED is True
    assert settings.CONCURRENT_REQUESTS_PER_DOMAIN == 1
    assert {429, 500, 502, 503, 504} <= set(settings.RETRY_HTTP_CODES) and settings.RETRY_ENABLED
    assert settings.TELNETCONSOLE_ENABLED is False
    # conditional requests: kept pages are always asked for again (If-None-Match / If-Modified-Since)
    assert settings.HTTPCACHE_ENABLED and settings.HTTPCACHE_POLICY == "crawlers.httpcache.RevalidatePolicy"
    assert 0 < settings.DOWNLOAD_TIMEOUT <= 60
    assert settings.USER_AGENT.startswith("umot/") and settings.USER_AGENT.endswith("(+https://brand.example/bot)")
    monkeypatch.setenv("UMOT_HTTPCACHE", "1")
    assert importlib.reload(settings).HTTPCACHE_POLICY == "scrapy.extensions.httpcache.DummyPolicy"  # replay
    monkeypatch.delenv("UMOT_HTTPCACHE")
    monkeypatch.delenv("UMOT_CONTACT_URL")
    importlib.reload(settings)


def test_retry_after_header() -> None:
    def response(value: str) -> HtmlResponse:
        return HtmlResponse("http://x/", status=429, headers={"Retry-After": value}, body=b"")

    assert retry_after_seconds(response("7")) == 7.0
    assert retry_after_seconds(response("Wed, 21 Oct 2015 07:28:00 GMT")) == 0.0  # in the past
    assert retry_after_seconds(HtmlResponse("http://x/", status=429, body=b"")) is None


@pytest.mark.slow
def test_identifies_itself_and_retries_429(serve_site, local_settings, tmp_path: Path) -> None:
    site = serve_site(FIXTURES, {"/kettle": "jsonld_product.html"}, throttle_once={"/kettle"})
    out = tmp_path / "k.jsonl"
    result = run_crawl(
        "schemaorg", [site.url("/kettle")], brand=None, output=out,
        settings={**local_settings, "CRAWL_CONTACT_URL": "https://brand.example/crawler"},
    )
    assert result.ok and result.items_scraped == 2 and result.errors == 0
    hits = site.hits_for("/kettle")
    assert len(hits) == 2  # 429 first, then retried
    assert {h.user_agent for h in site.hits} == {f"umot/{_version()} (+https://brand.example/crawler)"}
    assert site.hits[0].path == "/robots.txt"


def _version() -> str:
    from importlib.metadata import version

    return version("umot")


def _retry_middleware() -> BackoffRetryMiddleware:
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(Spider, {"CRAWL_RETRY_BACKOFF_BASE": 0, "RETRY_TIMES": 3})
    crawler.spider = crawler._create_spider("retry-test")
    return BackoffRetryMiddleware.from_crawler(crawler)


def test_refused_connection_is_not_retried_but_5xx_and_timeouts_are() -> None:
    import asyncio

    from scrapy import Request
    from scrapy.exceptions import DownloadConnectionRefusedError, DownloadTimeoutError

    mw, request = _retry_middleware(), Request("http://127.0.0.1:9/")
    assert asyncio.run(mw.process_exception(request, DownloadConnectionRefusedError("refused"))) is None
    retried = asyncio.run(mw.process_exception(request, DownloadTimeoutError("slow")))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 1
    busy = HtmlResponse(request.url, status=503, body=b"", request=request)
    assert isinstance(asyncio.run(mw.process_response(request, busy)), Request)


@pytest.mark.slow
def test_crawl_of_a_refused_address_fails_once_and_says_so(tmp_path: Path) -> None:
    """The whole crawl (robots.txt and page both refused) ends after one try each
    (before: 3 retries at 2, 4 and 8 s for each, ~35 s) and reports ``refused``,
    so the nightly run does not crawl it again either."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "crawl.log"
    result = run_crawl("schemaorg", [f"http://127.0.0.1:{port}/"], brand=None, output=tmp_path / "x.jsonl",
                       settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_FILE": str(log)})
    assert not result.ok and "refused" in (result.error_message or "") and result.refused
    text = log.read_text()
    assert "could not fetch" in text  # the log is this crawl's
    assert "Retrying" not in text and "backing off" not in text


def test_back_off_doubles_per_attempt_follows_retry_after_and_is_capped() -> None:
    from scrapy import Request, Spider
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(Spider, {"CRAWL_RETRY_BACKOFF_BASE": 2, "CRAWL_RETRY_BACKOFF_MAX": 10})
    mw = BackoffRetryMiddleware.from_crawler(crawler)

    def retry(attempt: int) -> Request:
        return Request("http://x/", meta={"retry_times": attempt})

    def asked(seconds: str) -> HtmlResponse:
        return HtmlResponse("http://x/", status=429, headers={"Retry-After": seconds}, body=b"")

    assert [mw._delay(retry(n), None) for n in (1, 2, 3, 4)] == [2, 4, 8, 10]
    assert mw._delay(retry(3), asked("1")) == 1  # the site's own wait, even a shorter one
    assert mw._delay(retry(1), asked("600")) == 10  # a site cannot park the crawl for ten minutes


def test_a_user_agent_set_for_a_crawl_beats_the_contact_default() -> None:
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from crawlers.middlewares import ContactUserAgentMiddleware

    def agent(**settings: tuple[str, str]) -> str:
        """The User-Agent a crawl sends, given settings as (value, Scrapy priority)."""
        crawler = get_crawler(Spider, {"CRAWL_VERSION": "1.2.3"})
        crawler.settings.frozen = False  # get_crawler applies every setting at one priority; set each at its own
        for name, (value, priority) in settings.items():
            crawler.settings.set(name, value, priority=priority)
        return ContactUserAgentMiddleware.from_crawler(crawler).user_agent

    contact = ("https://brand.example/bot", "project")
    assert agent(CRAWL_CONTACT_URL=contact) == "umot/1.2.3 (+https://brand.example/bot)"
    assert agent(CRAWL_CONTACT_URL=contact, USER_AGENT=("AcmeMonitor/2.0", "cmdline")) == "AcmeMonitor/2.0"  # -s USER_AGENT=...
