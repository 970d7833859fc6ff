"""A failed ``umot crawl -o`` that wrote nothing says so: it printed "0 written to closed.jsonl"
although no such file was made (or the old one was left as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app


def test_a_crawl_of_a_closed_port_writes_nothing_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "closed.jsonl"
    result = CliRunner().invoke(app, ["crawl", "http://127.0.0.1:9/", "-o", str(out), "--set", "RETRY_TIMES=0"])
    assert result.exit_code == 1 and not out.exists()
    summary = result.stdout.strip()
    assert summary.startswith("schemaorg: 0 reviews found, nothing written, ") and str(out) not in summary
    assert result.stderr.strip().endswith(f"({out} not written)")


def test_a_failed_crawl_that_kept_reviews_names_the_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    out, partial = tmp_path / "keep.jsonl", tmp_path / "keep.partial.jsonl"

    def half_way(*args: object, **kwargs: object) -> CrawlResult:
        partial.write_text('{"text": "read"}\n')
        return CrawlResult(ok=False, pages=1, items_scraped=1, items_new=1, error_message="boom")

    monkeypatch.setattr(runner, "run_crawl", half_way)
    result = CliRunner().invoke(app, ["crawl", "http://127.0.0.1:9/", "-o", str(out)])
    assert result.stdout.strip() == f"schemaorg: 1 review found, 1 written to {partial}, 1 page, 0 errors"
