"""A date with no time of day is that day in the team's timezone, not 00:00 UTC.

At 00:00 UTC a bare "2026-11-23" (a Monday) was Sunday evening in New York: the
weekly CSVs cut in America/New_York put it in the week before, and a detractor's
date cell showed a day the customer did not write.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from crawlers.extract.dates import parse_datetime
from crawlers.extract.team_days import same_day_as_stored
from umot.cli import app


@pytest.mark.parametrize(("zone", "expected"), [
    ("UTC", datetime(2026, 11, 23, 12, tzinfo=UTC)),
    ("America/New_York", datetime(2026, 11, 23, 17, tzinfo=UTC)),
    ("Pacific/Auckland", datetime(2026, 11, 22, 23, tzinfo=UTC)),  # noon of the 23rd there
])
def test_a_day_is_its_noon_in_the_team_timezone(monkeypatch, zone: str, expected: datetime) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", zone)
    for written, language in (("2026-11-23", None), ("November 23, 2026", "en"), ("23.11.2026", "de"),
                              ("23/11/2026", "fr"), ("lundi 23 novembre 2026", "fr")):
        assert parse_datetime(written, language) == expected, written


def test_a_time_of_day_or_an_instant_is_kept(monkeypatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    assert parse_datetime("2026-11-23T00:00:00Z") == datetime(2026, 11, 23, tzinfo=UTC)
    assert parse_datetime("2026-11-23T00:30:00-05:00") == datetime(2026, 11, 23, 5, 30, tzinfo=UTC)
    assert parse_datetime("November 23, 2026 10:30") == datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    assert parse_datetime("23 novembre 2026 10h30", "fr") == datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    assert parse_datetime("Nov 23, 2026 3 pm") == datetime(2026, 11, 23, 15, tzinfo=UTC)


def test_a_day_stored_at_midnight_utc_before_is_the_same_day(monkeypatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "Pacific/Auckland")
    old = datetime(2026, 11, 23, tzinfo=UTC)
    assert same_day_as_stored(parse_datetime("2026-11-23"), old)
    assert not same_day_as_stored(parse_datetime("2026-11-24"), old)
    assert not same_day_as_stored(parse_datetime("2026-11-23"), datetime(2026, 11, 23, 1, tzinfo=UTC))


def test_imported_days_fall_in_their_week_of_a_zone_west_of_utc(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    file = tmp_path / "r.csv"
    file.write_text("id,date,rating,text\n1,2026-11-23,1,Broke\n2,\"November 23, 2026\",5,Fine\n"
                    "3,2026-11-22,4,Good\n4,2026-11-23T00:30:00-05:00,2,Late\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand"])
    assert result.exit_code == 0, result.output
    counts = {}
    for week in ("2026-W47", "2026-W48"):
        result = runner.invoke(app, ["export", "--week", week, "--out", str(tmp_path / week)])
        assert result.exit_code == 0, result.output
        summary = pd.read_csv(tmp_path / week / f"summary-{week}.csv")
        counts[week] = int(summary["reviews"].iloc[0])
    assert counts == {"2026-W47": 1, "2026-W48": 3}


def test_since_a_day_starts_at_that_days_start(monkeypatch) -> None:
    """``--since 2026-11-23`` keeps a review written at 08:00 that day (noon would have dropped it)."""
    from crawlers.spiders.arguments import parse_since

    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    assert parse_since("2026-11-23") == datetime(2026, 11, 23, 5, tzinfo=UTC)
    assert parse_since("2026-11-23T08:00:00Z") == datetime(2026, 11, 23, 8, tzinfo=UTC)


def test_a_month_and_year_glued_together_is_no_time_of_day(monkeypatch) -> None:
    """"05Oct2026" holds "t2", which the time-of-day rule read as an ISO "T" (any case): stored at 00:00 UTC.
    ("Oct2026" alone names no day: no date, see test_dates_need_day_month_year.py.)"""
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")
    assert parse_datetime("05Oct2026") == datetime(2026, 10, 5, 12, tzinfo=UTC)
