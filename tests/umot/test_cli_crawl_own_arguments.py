"""Spider arguments the crawl sets itself (``urls``, ``brand``, ``source_id``) are refused as ``umot crawl -a``
and ``umot sources add --option``: given there, they won over the crawl's own. ``-a source_id=3`` stored
Acme's reviews under another brand's source (``--source-id 3`` is refused for exactly that); a source's
``--option urls=…`` made the night fetch a feed ``sources list`` did not show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What ``run_crawl`` was asked to crawl (nothing is fetched)."""
    from crawlers import runner as crawl_runner
    from crawlers.crawl_result import CrawlResult

    seen: dict[str, Any] = {}
    monkeypatch.setattr(crawl_runner, "run_crawl",
                        lambda name, urls, **kwargs: seen.update(urls=urls, **kwargs) or CrawlResult(ok=True))
    return seen


def _refused(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and result.stderr.strip() == f"error: {message}"


@pytest.mark.parametrize(
    ("argument", "message"),
    [("source_id=3", "-a 'source_id=3': set by the crawl itself: use --source-id instead"),
     ("brand=Globex", "-a 'brand=Globex': set by the crawl itself: use --brand instead")],
)
def test_crawl_refuses_an_argument_the_crawl_sets(tmp_path: Path, asked: dict[str, Any], argument: str,
                                                   message: str) -> None:
    result = runner.invoke(app, ["crawl", "--spider", "feed", "http://127.0.0.1:9/feed.xml", "-a", argument,
                                 "-o", str(tmp_path / "o.jsonl")])
    _refused(result, message)
    assert asked == {}


def test_crawl_takes_its_urls_one_way(tmp_path: Path, asked: dict[str, Any]) -> None:
    """`-a urls=` beside URL arguments replaced them; alone, it is the start URLs, not also an argument."""
    out = ["-o", str(tmp_path / "o.jsonl")]
    both = runner.invoke(app, ["crawl", "http://127.0.0.1:9/a", "-a", "urls=http://127.0.0.1:9/b", *out])
    _refused(both, "-a 'urls=http://127.0.0.1:9/b': the URL arguments give the start URLs already; give them one way")
    assert asked == {}
    alone = runner.invoke(app, ["crawl", "-a", "urls=http://127.0.0.1:9/b", "-a", "follow_depth=1", *out])
    assert alone.exit_code == 0, alone.output
    assert asked["urls"] == ["http://127.0.0.1:9/b"] and asked["spider_args"] == {"follow_depth": "1"}


def test_crawl_takes_since_one_way(tmp_path: Path, asked: dict[str, Any]) -> None:
    out = ["http://127.0.0.1:9/a", "-o", str(tmp_path / "o.jsonl")]
    both = runner.invoke(app, ["crawl", "--since", "2024-01-01", "-a", "since=2020-01-01", *out])
    _refused(both, "-a 'since=2020-01-01': --since gives the day already; give it one way")
    alone = runner.invoke(app, ["crawl", "-a", "since=2020-01-01", *out])
    assert alone.exit_code == 0 and asked["spider_args"] == {"since": "2020-01-01"}, alone.output


@pytest.mark.parametrize(
    ("option", "message"),
    [("source_id=3", "--option 'source_id=3': set by the crawl itself: its crawls are counted under this source; "
                     "leave it out"),
     ("urls=https://a.example/other.xml", "--option 'urls=https://a.example/other.xml': set by the crawl itself: "
                                          "use --url instead"),
     ("brand=Globex", "--option 'brand=Globex': set by the crawl itself: the reviews go to the source's brand "
                      "(the BRAND argument)")],
)
def test_sources_add_refuses_an_option_the_crawl_sets(tmp_path: Path, db_url: str, stored_sources: Any,
                                                      option: str, message: str) -> None:
    path = tmp_path / "umot.toml"
    result = runner.invoke(app, ["sources", "add", "Acme Kitchen", "rss", "--spider", "feed",
                                 "--url", "https://a.example/feed.xml", "--option", option,
                                 "--config", str(path), "--database-url", db_url])
    _refused(result, message)
    assert not path.exists() and stored_sources(db_url) == {}


def test_sources_sync_skips_a_source_whose_option_the_crawl_sets(tmp_path: Path, db_url: str,
                                                                  stored_sources: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('[[sources]]\nbrand = "Acme"\nname = "rss"\nspider = "feed"\n'
                    'urls = ["https://a.example/feed.xml"]\noptions = {urls = "https://a.example/other.xml"}\n\n'
                    '[[sources]]\nbrand = "Acme"\nname = "blog"\nspider = "feed"\nurls = ["https://a.example/blog"]\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["sources", "sync", "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 0 and "1 added" in result.stdout and "1 skipped" in result.stdout, result.output
    assert (f"warning: {path}: source Acme/rss: option 'urls=https://a.example/other.xml': set by the crawl itself: "
            "give start URLs as the source's urls") in result.stderr
    assert list(stored_sources(db_url)) == [("Acme", "blog")]
