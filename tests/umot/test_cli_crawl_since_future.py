"""``umot crawl --since`` a day in the future is refused in one line: ``--since 2204-01-01`` crawled,
found 0 reviews and exited 0, as though the site had none. Today and tomorrow (a zone ahead of UTC)
are still taken, within the slack review dates get (``core.dates.FUTURE_SLACK``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from umot.cli import app


@pytest.mark.parametrize("since", ["2204-01-01", (datetime.now(UTC) + timedelta(days=3)).date().isoformat()])
def test_a_day_in_the_future_is_refused_before_the_crawl(since: str) -> None:
    result = CliRunner().invoke(app, ["crawl", "http://127.0.0.1:9/", "--since", since, "-o", "x.jsonl"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (f"error: --since {since!r} is in the future: no review is dated after it yet "
                                     "(give a day up to today)")


@pytest.mark.parametrize("days", [0, 1, -400])
def test_today_tomorrow_and_the_past_are_taken(days: int) -> None:
    from umot.cli._crawl_checks import parse_since

    day = (datetime.now(UTC) + timedelta(days=days)).date()
    since = parse_since(day.isoformat())
    assert since is not None and since.date() in {day - timedelta(days=1), day}  # its start in UMOT_TIMEZONE
