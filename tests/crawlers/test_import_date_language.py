"""``umot import`` reads every numeric date of a file in ONE day/month order, the file's (its
exporting tool wrote them all one way), never row by row in each row's ``language``:
``03/05/2024`` was 5 March in an ``en`` row and 3 May in the ``de`` rows of the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.extract.date_order import date_order
from crawlers.import_columns import ImportFileError
from crawlers.importer import read_review_file


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")


def _days(tmp_path: Path, content: str, date_order: str | None = None) -> list[str]:
    file = tmp_path / "eu.csv"
    file.write_text(content, encoding="utf-8")
    return [row["published_at"][:10] for row in read_review_file(file, date_order=date_order)]


def _file(rows: list[tuple[str, str]]) -> str:
    return "text,date,language\n" + "".join(f"review {n},{day},{lang}\n" for n, (day, lang) in enumerate(rows))


def test_the_hunters_file_reads_every_row_in_one_order(tmp_path: Path) -> None:
    """en, de, de disagree: month first (the old default) for every row, the de rows too."""
    content = _file([("03/05/2024", "en"), ("03/05/2024", "de"), ("03/05/2024", "de")])
    assert _days(tmp_path, content) == ["2024-03-05"] * 3


def test_rows_that_agree_on_their_languages_order_give_it(tmp_path: Path) -> None:
    content = _file([("03/05/2024", "de"), ("03/05/2024", "fr"), ("04/05/2024", ""), ("03/05/2024", "xx")])
    assert _days(tmp_path, content) == ["2024-05-03", "2024-05-03", "2024-05-04", "2024-05-03"]


@pytest.mark.parametrize(("shown", "day"), [("13/05/2024", "2024-05-03"), ("05/13/2024", "2024-03-05"),
                                            ("13-05-24", "2024-05-03"), ("le 05/13/2024", "2024-03-05")])
def test_a_date_over_12_tells_the_files_order_whatever_the_languages(tmp_path: Path, shown: str, day: str) -> None:
    for languages in (("de", "de"), ("en", "en")):
        content = _file([("03/05/2024", languages[0]), ("2024-03-05", "de"), ("5 March 2024", "en"),
                         (shown, languages[1])])
        assert _days(tmp_path, content)[0] == day


def test_a_file_showing_both_orders_is_refused_naming_both_rows(tmp_path: Path) -> None:
    content = _file([("03/05/2024", "en"), ("05/13/2024", "en"), ("13/05/2024", "de"), ("14/05/2024", "de")])
    with pytest.raises(ImportFileError) as refused:
        _days(tmp_path, content)
    assert str(refused.value) == (
        f"{tmp_path / 'eu.csv'}: line 3's date '05/13/2024' is month first but line 4's '13/05/2024' is day first; "
        "fix one of them (a file's dates are all read in one order)"
    )


@pytest.mark.parametrize(("given", "day"), [("DMY", "2024-05-03"), (" mdy ", "2024-03-05"), ("Dmy", "2024-05-03")])
def test_date_order_states_the_order_over_the_languages(tmp_path: Path, given: str, day: str) -> None:
    content = _file([("03/05/2024", "de"), ("03/05/2024", "en"), ("2024-05-13", "de"), ("13 May 2024", "fr")])
    assert _days(tmp_path, content, date_order=given) == [day, day, "2024-05-13", "2024-05-13"]


@pytest.mark.parametrize(("given", "rows", "refusal"), [
    ("MDY", [("05/03/2024", "en"), ("13/05/2024", "en")], "line 3: date '13/05/2024' is day first, not --date-order MDY"),
    ("dmy", [("05/13/2024", "de"), ("13/05/2024", "de")], "line 2: date '05/13/2024' is month first, not --date-order DMY"),
    ("YMD", [("24/03/05", ""), ("05/03/2024", "")], "line 3: date '05/03/2024' has its year last, not --date-order YMD"),
])
def test_a_date_order_a_date_contradicts_is_refused_naming_the_line(
    tmp_path: Path, given: str, rows: list[tuple[str, str]], refusal: str
) -> None:
    """dateparser would read ``13/05/2024`` as 13 May whatever the order: the file is not in that order."""
    with pytest.raises(ImportFileError) as refused:
        _days(tmp_path, _file(rows), date_order=given)
    assert str(refused.value) == f"{tmp_path / 'eu.csv'} {refusal}"


def test_a_reply_date_contradicting_the_order_is_refused_too(tmp_path: Path) -> None:
    file = tmp_path / "eu.csv"
    file.write_text("text,date,replied_at\nGood,03/05/2024,\nFine,04/05/2024,14/05/2024 10:00\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_review_file(file, date_order="MDY")
    assert str(refused.value) == f"{file} line 3: replied_at '14/05/2024 10:00' is day first, not --date-order MDY"
    assert read_review_file(file, date_order="DMY")[1]["replied_at"] == "2024-05-14T10:00:00+00:00"


def test_ymd_reads_a_two_digit_year_first(tmp_path: Path) -> None:
    assert _days(tmp_path, _file([("24/03/05", "")]), date_order="YMD") == ["2024-03-05"]


@pytest.mark.parametrize("bad", ["DM", "", "day first", "D/M/Y"])
def test_a_bad_date_order_is_refused_in_one_line(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ImportFileError, match=r"^--date-order .* is not one of DMY, MDY, YMD$"):
        _days(tmp_path, _file([("03/05/2024", "")]), date_order=bad)


@pytest.mark.parametrize("language", ["de", "fr", "en-GB", " en_GB ", "en-US", ""])
def test_dotted_dates_are_day_first_in_every_language(tmp_path: Path, language: str) -> None:
    file = tmp_path / "eu.csv"
    file.write_text(f"text,date,language,replied_at\nSehr gut,05.03.2024,{language},06.03.2024 10:00\n",
                    encoding="utf-8")
    [row] = read_review_file(file)
    assert row["published_at"] == "2024-03-05T12:00:00+00:00"
    assert row["replied_at"] == "2024-03-06T10:00:00+00:00"  # the reply's date in the same order


def test_the_reply_date_follows_the_files_order(tmp_path: Path) -> None:
    file = tmp_path / "eu.csv"
    file.write_text("text,date,language,replied_at\nGood,03/05/2024,en,04/05/2024 10:00\n"
                    "Gut,03/05/2024,de,13/05/2024 10:00\n", encoding="utf-8")
    assert [(r["published_at"], r["replied_at"]) for r in read_review_file(file)] == [
        ("2024-05-03T12:00:00+00:00", "2024-05-04T10:00:00+00:00"),
        ("2024-05-03T12:00:00+00:00", "2024-05-13T10:00:00+00:00"),
    ]


def test_an_order_is_its_own_order() -> None:
    assert [date_order(order) for order in ("DMY", "MDY", "YMD")] == ["DMY", "MDY", "YMD"]


@pytest.mark.parametrize("language", ["", "en", "de"])
@pytest.mark.parametrize("dotted", ["05.03.2024", "5. 3. 24", "5.3.24"])
def test_a_file_mixing_dotted_and_slashed_dates_reads_them_all_day_first(
    tmp_path: Path, language: str, dotted: str
) -> None:
    """The dotted date was read day first and the slashed one month first in the same file; an ``en``
    column turned the dotted one month first too. A dotted date is a day-first file's (no locale writes
    it month first), so with no date showing month first the whole file is day first."""
    content = _file([(dotted, language), ("05/03/2024", language), ("2024-03-05", language)])
    assert _days(tmp_path, content) == ["2024-03-05"] * 3


def test_a_dotted_reply_date_makes_the_file_day_first_too(tmp_path: Path) -> None:
    file = tmp_path / "eu.csv"
    file.write_text("text,date,replied_at\nGood,05/03/2024,06.03.2024 10:00\n", encoding="utf-8")
    [row] = read_review_file(file)
    assert (row["published_at"], row["replied_at"]) == ("2024-03-05T12:00:00+00:00", "2024-03-06T10:00:00+00:00")


@pytest.mark.parametrize(("rows", "given", "day"), [
    ([("05.03.2024", "de"), ("05/13/2024", "de")], None, "2024-05-03"),  # the file shows month first
    ([("05.03.2024", "de"), ("05/03/2024", "de")], "MDY", "2024-05-03"),  # the option says so
])
def test_a_dotted_date_is_read_in_the_files_order_when_it_is_month_first(
    tmp_path: Path, rows: list[tuple[str, str]], given: str | None, day: str
) -> None:
    """One order for every date of the file: the dotted one is no exception."""
    assert _days(tmp_path, _file(rows), date_order=given)[0] == day
