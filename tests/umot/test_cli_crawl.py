"""``umot crawl`` from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_crawl_to_jsonl_prints_one_summary_line(tmp_path: Path) -> None:
    from umot.demo import start_demo_site

    out = tmp_path / "northwind.jsonl"
    with start_demo_site(reviews_per_product=6, anchor=date(2025, 6, 30)) as site:
        brand = site.brand("northwind-outdoor")
        result = invoke("crawl", brand.url, "-o", str(out),
                        "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schemaorg: 18 reviews found, 18 written to {out}, 4 pages, 0 errors"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 18 and {"rating", "published_at", "language", "external_id"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "http://127.0.0.1:9/"], "--brand is required"),
        (["crawl", "ftp://example.com/", "-o", "x.jsonl"], "not an http(s) URL: 'ftp://example.com/'"),
        (["crawl", "http://127.0.0.1:9/", "--spider", "nope", "-o", "x.jsonl"], "unknown spider 'nope'"),
        (["crawl", "http://127.0.0.1:9/", "--since", "someday", "-o", "x.jsonl"], "--since 'someday' is not a date"),
        (["crawl", "http://127.0.0.1:9/", "--set", "oops", "-o", "x.jsonl"], "expected NAME=VALUE"),
        (["crawl", "http://127.0.0.1:9/", "--set", "DOWNLOAD_DELAY=soon", "-o", "x.jsonl"],
         "--set 'DOWNLOAD_DELAY=soon': DOWNLOAD_DELAY takes a number"),
        (["crawl", "http://127.0.0.1:9/", "--set", "ROBOTSTXT_OBEY=maybe", "-o", "x.jsonl"],
         "--set 'ROBOTSTXT_OBEY=maybe': ROBOTSTXT_OBEY takes True or False"),
    ],
)
def test_crawl_rejects_bad_input_in_one_line(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", ["-o", "--log"])
def test_a_file_the_crawl_cannot_write_is_one_line_before_it_starts(tmp_path: Path, option: str) -> None:
    """It was a traceback (--log) or a crawl that failed at its end (-o)."""
    (tmp_path / "taken").write_text("a file where a folder should be")
    target = tmp_path / "taken" / "out.jsonl"
    extra = ["-o", str(tmp_path / "ok.jsonl")] if option == "--log" else []
    result = invoke("crawl", "http://127.0.0.1:9/", option, str(target), *extra)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"error: {option} {target}: cannot write (")
    assert not (tmp_path / "ok.jsonl").exists()  # nothing was crawled


def test_crawl_summary_names_unchanged_pages_and_the_run_and_a_failure_exits_1(tmp_path: Path, monkeypatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    failed = CrawlResult(ok=False, pages=3, items_scraped=1, unchanged=2, errors=1, run_id=7, error_message="boom")
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: failed)
    out = tmp_path / "x.jsonl"
    result = invoke("crawl", "http://127.0.0.1:9/", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout.strip() == f"schemaorg: 1 review found, 0 written to {out}, 3 pages (2 unchanged), 1 error, run 7"
    assert result.stderr.strip() == "error: boom"
