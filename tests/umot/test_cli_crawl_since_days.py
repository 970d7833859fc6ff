"""``umot crawl --since`` takes a whole day: ``--since 2026`` acted as ``--since 2026-12-01`` in
December (the month and day made up from today, so the crawl skipped January to November and
stopped paginating there) and ``--since 2026-13-01`` as 13 January."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app


@pytest.mark.parametrize("since", ["2026", "March 2026", "2026-13-01", "2026-02-30"])
def test_since_without_a_whole_day_is_refused_in_one_line(since: str) -> None:
    result = CliRunner().invoke(app, ["crawl", "http://127.0.0.1:9/", "--since", since, "-o", "x.jsonl"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --since {since!r} is not a date with a day, month and year (e.g. 2024-01-31)"


def test_a_whole_day_is_still_taken() -> None:
    from umot.cli._crawl_checks import parse_since

    assert parse_since("2026-01-31") is not None and parse_since("31 January 2026") == parse_since("2026-01-31")
