"""`umot crawl` and `umot sources` refuse bad settings and spider arguments before anything is fetched:
one line, exit 2; and a spider that builds its URLs from the brand needs no URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.sources_config import load_sources
from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # =0 never ended, =1.5 and abc failed inside the crawl
        (["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=0"],
         "--set 'CONCURRENT_REQUESTS_PER_DOMAIN=0': CONCURRENT_REQUESTS_PER_DOMAIN takes a whole number of at least 1"),
        (["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1.5"],
         "--set 'CONCURRENT_REQUESTS_PER_DOMAIN=1.5': CONCURRENT_REQUESTS_PER_DOMAIN takes a whole number"),
        (["-s", "RETRY_HTTP_CODES=abc"], "--set 'RETRY_HTTP_CODES=abc': RETRY_HTTP_CODES takes whole numbers"),
        (["-s", "ITEM_PIPELINES={x"], "--set 'ITEM_PIPELINES={x': ITEM_PIPELINES takes a JSON object"),
        (["--spider", "sitemap", "-a", "pattern=("], "-a 'pattern=(': not a regular expression (missing )"),
        (["--spider", "sitemap", "-a", "follow_depth=two"], "-a 'follow_depth=two': not a whole number of hops"),
        (["-a", "since=2024"], "-a 'since=2024': not a date with a day, month and year"),
        (["--spider", "appstore", "-a", "appid=123"],
         "-a 'appid=123': spider 'appstore' takes no such argument (did you mean 'app_id'?"),
        (["--spider", "googleplay", "-a", "app_id=com.acme", "-a", "countries=gb"],
         "-a 'countries=gb': spider 'googleplay' takes no such argument (did you mean 'country'?"),
    ],
)
def test_bad_settings_and_arguments_are_one_line_before_the_crawl(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    from crawlers import runner as crawl_runner

    monkeypatch.setattr(crawl_runner, "run_crawl", lambda *a, **k: pytest.fail("crawled"))
    result = runner.invoke(app, ["crawl", "http://127.0.0.1:9/p", "-o", str(tmp_path / "o.jsonl"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_good_settings_pass() -> None:
    from crawlers.setting_checks import setting_problem

    assert setting_problem("DOWNLOAD_TIMEOUT", "2.5", 30) is None  # read as a float
    assert setting_problem("RETRY_HTTP_CODES", "500, 503", [500]) is None
    assert setting_problem("CONCURRENT_REQUESTS_PER_DOMAIN", "2", 1) is None


@pytest.mark.parametrize("spider", ["reddit", "hackernews"])
def test_a_search_spider_searches_for_the_brand(spider: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from crawlers import runner as crawl_runner
    from crawlers.crawl_result import CrawlResult

    asked: dict[str, Any] = {}

    def run_crawl(name: str, urls: list[str], **kwargs: Any) -> CrawlResult:
        asked.update(urls=urls)
        return CrawlResult(ok=True)

    monkeypatch.setattr(crawl_runner, "run_crawl", run_crawl)
    result = runner.invoke(app, ["crawl", "--spider", spider, "--brand", "Acme", "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    assert len(asked["urls"]) == 1 and "Acme" in asked["urls"][0]
    without = runner.invoke(app, ["crawl", "--spider", spider, "-o", str(tmp_path / "o.jsonl")])
    assert without.exit_code == 2
    assert f"give at least one URL to crawl (spider '{spider}' builds them from -a query or --brand)" in without.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--spider", "sitemap", "--url", "https://a.example/sitemap.xml", "--option", "pattern=("],
         "source Acme/x: option 'pattern=(': not a regular expression"),
        (["--spider", "googleplay", "--option", "app_id=com.acme", "--option", "countries=gb"],
         "source Acme/x: option 'countries=gb': spider 'googleplay' takes no such argument"),
        (["--spider", "schemaorg", "--url", "https://a.example/p", "--option", "follow_depth=two"],
         "source Acme/x: option 'follow_depth=two': not a whole number"),
    ],
)
def test_sources_add_refuses_options_the_spider_cannot_take(
    args: list[str], message: str, tmp_path: Path, db_url: str,
) -> None:
    path = tmp_path / "umot.toml"
    result = runner.invoke(app, ["sources", "add", "Acme", "x", *args, "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stderr.count("error:") == 1
    assert not path.exists() or load_sources(path) == []


def test_sources_sync_names_the_file_and_the_option_and_syncs_the_others(tmp_path: Path, db_url: str) -> None:
    """A source with an option an older umot took (any name was): skipped with a warning; before, the whole
    sync failed, so `sources list`, `sources add` of another source and the night's sync all stopped."""
    path = tmp_path / "umot.toml"
    path.write_text('[[sources]]\nbrand = "Acme"\nname = "sm"\nspider = "sitemap"\n'
                    'urls = ["https://a.example/sitemap.xml"]\noptions = {pattern = "("}\n'
                    '[[sources]]\nbrand = "Acme"\nname = "tp"\nspider = "trustpilot"\n'
                    'options = {domain = "acme.example", lang = "en"}\n'
                    '[[sources]]\nbrand = "Acme"\nname = "blog"\nspider = "feed"\nurls = ["https://a.example/feed"]\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["sources", "sync", "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: source Acme/sm: option 'pattern=(': not a regular expression" in result.stderr
    assert f"warning: {path}: source Acme/tp: option 'lang=en': spider 'trustpilot' takes no such argument" in result.stderr
    assert "1 added" in result.stdout and "2 skipped" in result.stdout
    listed = runner.invoke(app, ["sources", "list", "--config", str(path), "--database-url", db_url])
    assert listed.exit_code == 0 and "blog" in listed.stdout


def test_crawl_takes_its_urls_as_an_argument_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`-a urls=URL` (Scrapy's way) was refused: "give at least one URL to crawl"."""
    from crawlers import runner as crawl_runner
    from crawlers.crawl_result import CrawlResult

    asked: dict[str, Any] = {}
    monkeypatch.setattr(crawl_runner, "run_crawl", lambda name, urls, **kwargs: asked.update(urls=urls) or CrawlResult(ok=True))
    result = runner.invoke(app, ["crawl", "-a", "urls=http://127.0.0.1:9/x, http://127.0.0.1:9/y",
                                 "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    assert asked["urls"] == ["http://127.0.0.1:9/x", "http://127.0.0.1:9/y"]
