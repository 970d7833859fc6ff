"""A date names its day, month and year: dateparser filled what was missing from today
(``2024`` was 2024-12-01 in December, ``March 2024`` 2024-03-01) and read an ISO day that
is no day (``2024-13-05``) as 13 May, although ISO dates are never reordered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawlers.extract.dates import parse_datetime
from crawlers.import_columns import ImportFileError
from crawlers.importer import read_review_file


@pytest.mark.parametrize("text", ["2024", "March 2024", "Mar 2024", "2024-03", "Oct2026"])
def test_a_date_without_its_day_is_no_date(text: str) -> None:
    assert parse_datetime(text) is None and parse_datetime(text, "en-GB") is None


@pytest.mark.parametrize("text", ["2024-13-05", "2024-13-05T10:00:00Z", "2024-02-30", "2024-00-10 08:00"])
@pytest.mark.parametrize("language", [None, "de", "en-US"])
def test_an_iso_day_that_is_no_day_is_not_reordered(text: str, language: str | None) -> None:
    assert parse_datetime(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [("vor 2 Tagen", "de", 2), ("3 days ago", "en", 3), ("yesterday", None, 1), ("il y a 4 jours", "fr", 4)],
)
def test_relative_dates_still_count_back_from_now(text: str, language: str | None, days: int) -> None:
    parsed = parse_datetime(text, language)
    assert parsed is not None
    assert abs(parsed - (datetime.now(UTC) - timedelta(days=days))) < timedelta(minutes=5)


def test_a_month_ago_keeps_the_day_of_the_month() -> None:
    """It was the 1st of last month (dateparser's PREFER_DAY_OF_MONTH "first"), up to 30 days off."""
    now = datetime.now(UTC)
    for text, language in [("a month ago", "en"), ("vor einem Monat", "de"), ("1 year ago", "en")]:
        parsed = parse_datetime(text, language)
        assert parsed is not None and (parsed.day == now.day or now.day > 28), text


def test_full_dates_read_as_before() -> None:
    assert parse_datetime("2024-03-05 10:00 UTC") == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert parse_datetime("2024-03-05T10:00:00Z") == datetime(2024, 3, 5, 10, tzinfo=UTC)
    assert parse_datetime("05/03/2024 10:00", "de") == datetime(2024, 3, 5, 10, tzinfo=UTC)


@pytest.mark.parametrize("cell", ["2024", "March 2024", "2024-13-05"])
def test_an_import_row_with_such_a_date_is_refused_like_any_unreadable_date(tmp_path: Path, cell: str) -> None:
    """As ``soon`` is: the file is refused in one line naming the line, nothing stored."""
    file = tmp_path / "r.csv"
    file.write_text(f"text,date\nfine,2024-03-05\nok,{cell}\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        read_review_file(file)
    assert str(raised.value) == f"{file} line 3: date {cell!r} is not a date with a day, month and year"
