"""Every ISO 8601 date with no time part is a day (its noon in ``UMOT_TIMEZONE``), not only
``2024-03-05``: ``20240305``, ``2024-03-05Z`` and ``2024-W10-2`` were stored at 00:00 UTC, the evening
before in New York, so a Tuesday's review showed on Monday."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from crawlers.extract.dates import named_day, parse_datetime

NOON_IN_NEW_YORK = datetime(2024, 3, 5, 17, tzinfo=UTC)


@pytest.mark.parametrize("written", ["2024-03-05", "20240305", "2024-03-05Z", "2024-W10-2", "2024W102",
                                     "2024-03-05+01:00"])
def test_an_iso_date_without_a_time_is_a_day(monkeypatch: pytest.MonkeyPatch, written: str) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    assert parse_datetime(written) == NOON_IN_NEW_YORK
    assert named_day(written) == date(2024, 3, 5)


@pytest.mark.parametrize(("written", "instant"), [
    ("2024-03-05T00:00", datetime(2024, 3, 5, tzinfo=UTC)),
    ("20240305T0930Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
    ("2024-03-05T10:00+01:00", datetime(2024, 3, 5, 9, tzinfo=UTC)),
])
def test_an_iso_date_with_a_time_is_that_instant(monkeypatch: pytest.MonkeyPatch, written: str, instant: datetime) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    assert parse_datetime(written) == instant and named_day(written) is None


def test_a_week_names_no_day() -> None:
    assert parse_datetime("2024-W10") is None and named_day("2024-W10") is None
