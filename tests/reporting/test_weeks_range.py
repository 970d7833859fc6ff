"""Weeks at the calendar's ends: one line naming the week, never an OverflowError traceback."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from reporting.weeks import IsoWeek, WeekError, parse_week
from umot.cli import app


@pytest.mark.parametrize("text", ["0001-W01", "9999-W52", "0000-W01", "9999-W01"])
def test_a_week_too_near_the_calendar_ends_is_out_of_range(text: str) -> None:
    with pytest.raises(WeekError, match=rf"^week '{text}' is out of range \(years 0002 to 9998 only\)$"):
        parse_week(text)


@pytest.mark.parametrize("text", ["0002-W01", "9998-W52"])
def test_the_first_and_last_weeks_in_range_have_bounds_and_a_chart(text: str) -> None:
    week = parse_week(text)
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14, UTC-11
        start, end = week.bounds(ZoneInfo(zone))
        assert start < end
    assert week.shift(-11) < week < week.shift(1)  # the export's chart reads 11 weeks back


def test_a_week_prints_as_it_parses() -> None:
    """Was `2-W01`, a file name `parse_week` refuses."""
    assert str(IsoWeek(2, 1)) == "0002-W01" and parse_week(str(IsoWeek(2, 1))) == IsoWeek(2, 1)


def test_shift_and_bounds_past_the_ends_raise_week_error() -> None:
    with pytest.raises(WeekError, match="out of range"):
        IsoWeek(9999, 52).shift(1)
    with pytest.raises(WeekError, match="out of range"):
        IsoWeek(1, 1).shift(-1)
    with pytest.raises(WeekError, match="out of range"):
        IsoWeek(9999, 52).bounds(ZoneInfo("UTC"))


@pytest.mark.parametrize(("args", "prefix"), [
    (["export", "--week", "9999-W52"], ""),
    (["export", "--week", "0001-W01"], ""),
    (["advocates", "list", "--week", "9999-W52"], "--week/--timezone: "),
])
def test_the_commands_say_one_line_and_exit_2(db_url: str, tmp_path, args: list[str], prefix: str) -> None:
    """Were OverflowError tracebacks (exit 1)."""
    result = CliRunner().invoke(app, [*args, "--database-url", db_url], env={"UMOT_EXPORT_DIR": str(tmp_path / "x")})
    assert result.exit_code == 2, result.output
    week = args[args.index("--week") + 1]
    assert result.stderr.strip() == f"error: {prefix}week '{week}' is out of range (years 0002 to 9998 only)"
    assert not (tmp_path / "x").exists()
