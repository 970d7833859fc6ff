"""``umot import --date-order``: one day/month order for every numeric date of the file, stated or
told by the file; a bad value or a file showing both orders stores nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner, Result

from umot.cli import app

HUNTER = "text,date,language\nGood,03/05/2024,en\nGut,03/05/2024,de\nPrima,03/05/2024,de\n"


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")


def _import(db_url: str, file: Path, *options: str) -> Result:
    return CliRunner().invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand",
                                    "--database-url", db_url, *options], catch_exceptions=False)


def _stored(db_url: str) -> dict[str, str]:
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        return {r.text: r.published_at.date().isoformat() for r in session.exec(select(Review)) if r.published_at}


def _no_brand(db_url: str) -> bool:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return crud.get_brand(session, "Acme") is None


@pytest.mark.parametrize(("options", "day"), [((), "2024-03-05"), (("--date-order", "dmy"), "2024-05-03"),
                                              (("--date-order", "MDY"), "2024-03-05")])
def test_every_row_of_the_hunters_file_is_one_day(tmp_path: Path, db_url: str, options: tuple[str, ...],
                                                  day: str) -> None:
    file = tmp_path / "mixed.csv"
    file.write_text(HUNTER, encoding="utf-8")
    result = _import(db_url, file, *options)
    assert result.exit_code == 0, result.output
    assert _stored(db_url) == {"Good": day, "Gut": day, "Prima": day}


def test_a_bad_date_order_is_one_line_and_stores_nothing(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "mixed.csv"
    file.write_text(HUNTER, encoding="utf-8")
    result = _import(db_url, file, "--date-order", "DM")
    assert result.exit_code == 2
    assert result.output.strip() == "error: --date-order 'DM' is not one of DMY, MDY, YMD"
    assert _no_brand(db_url)


def test_a_file_showing_both_orders_is_refused_naming_both_lines(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "both.csv"
    file.write_text("text,date\nGood,13/05/2024\nGut,03/05/2024\nFine,05/13/2024\n", encoding="utf-8")
    result = _import(db_url, file)
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {file}: line 2's date '13/05/2024' is day first but line 4's '05/13/2024' is month first; "
        "fix one of them (a file's dates are all read in one order)"
    )
    assert _no_brand(db_url)
    given = _import(db_url, file, "--date-order", "DMY")  # no order reads both: one would be swapped
    assert given.exit_code == 2
    assert given.output.strip() == f"error: {file} line 4: date '05/13/2024' is month first, not --date-order DMY"
    assert _no_brand(db_url)


def test_a_date_order_the_file_contradicts_is_one_line_and_stores_nothing(tmp_path: Path, db_url: str) -> None:
    """dateparser read 13/05/2024 as 13 May under MDY, so the file is no month-first file."""
    file = tmp_path / "c.csv"
    file.write_text("text,rating,date\nGood,5,05/03/2024\nFine,4,13/05/2024\n", encoding="utf-8")
    result = _import(db_url, file, "--date-order", "MDY")
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {file} line 3: date '13/05/2024' is day first, not --date-order MDY"
    assert _no_brand(db_url)
    assert _import(db_url, file, "--date-order", "DMY").exit_code == 0
    assert _stored(db_url) == {"Good": "2024-03-05", "Fine": "2024-05-13"}


def test_the_help_names_the_option() -> None:
    result = CliRunner().invoke(app, ["import", "--help"], env={"COLUMNS": "200"})
    assert "--date-order" in result.output and "DMY, MDY or YMD" in result.output


AMBIGUOUS = "text,rating,date\nGreat food,5,05/03/2024\nSlow service,2,04/02/2024\nNice staff,4,06/07/2024\n"
FIRST_READ = {"Great food": "2024-05-03", "Slow service": "2024-04-02", "Nice staff": "2024-06-07"}  # month first


@pytest.mark.parametrize(("added", "options"), [("Lovely terrace,4,13/05/2024\n", ()), ("", ("--date-order", "DMY"))])
def test_an_order_told_later_stores_no_row_again(tmp_path: Path, db_url: str, added: str,
                                                 options: tuple[str, ...]) -> None:
    """A row that gains a day-first line (or --date-order) keeps its stored id and date: only new rows are stored."""
    file = tmp_path / "a.csv"
    file.write_text(AMBIGUOUS, encoding="utf-8")
    assert "3 new, 0 already stored" in _import(db_url, file).output
    file.write_text(AMBIGUOUS + added, encoding="utf-8")
    new = 1 if added else 0
    for expected in (f"{new} new, 3 already stored", f"0 new, {3 + new} already stored"):  # and again: nothing
        result = _import(db_url, file, *options)
        assert expected in result.output, result.output
    assert _stored(db_url) == FIRST_READ | ({"Lovely terrace": "2024-05-13"} if added else {})


def test_two_files_read_day_first_keep_both_reviews(tmp_path: Path, db_url: str) -> None:
    """May's 03/05/2024 (3 May) is the month-first reading of March's 05/03/2024, read day first too: the
    5 March review was '0 new, 1 already stored' and never stored."""
    for month, day in (("may", "03/05/2024"), ("march", "05/03/2024")):
        (tmp_path / month).mkdir()
        file = tmp_path / month / "r2.csv"  # one name: one source
        file.write_text(f"text,rating,date\nGreat,5,{day}\n", encoding="utf-8")
        result = _import(db_url, file, "--date-order", "DMY")
        assert "1 new, 0 already stored" in result.output, result.output
    assert "0 new, 1 already stored" in _import(db_url, file, "--date-order", "DMY").output


MIXED = "text,rating,date,language\nFirst,5,05.03.2024,{0}\nSecond,4,05/03/2024,{0}\n"


@pytest.mark.parametrize("language", ["", "en"])
def test_a_file_mixing_dotted_and_slashed_dates_is_read_day_first(tmp_path: Path, db_url: str,
                                                                    language: str) -> None:
    file = tmp_path / "mixed.csv"
    file.write_text(MIXED.format(language), encoding="utf-8")
    assert "2 new" in _import(db_url, file).output
    assert _stored(db_url) == {"First": "2024-03-05", "Second": "2024-03-05"}


@pytest.mark.parametrize(("language", "before"), [("", {"First": "2024-03-05", "Second": "2024-05-03"}),
                                                  ("en", {"First": "2024-05-03", "Second": "2024-05-03"})])
def test_a_mixed_file_imported_before_stores_nothing_again(tmp_path: Path, db_url: str, language: str,
                                                           before: dict[str, str]) -> None:
    """Stored as umot read it before (dotted day first, slashed month first; all month first for ``en``),
    with no order recorded: its rows take those ids back, and keep their dates."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.identity import imported_content_id
    from models.stored import stored_id

    source = "import:mixed.csv"
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [
            {"source": source, "text": text, "published_at": day, "rating": float(stars), "rating_raw": stars,
             "rating_scale": 5, "external_id": imported_content_id(source, text, day, stars)}
            for (text, day), stars in zip(before.items(), ("5", "4"), strict=True)
        ], brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))
    file = tmp_path / "mixed.csv"
    file.write_text(MIXED.format(language), encoding="utf-8")
    assert "0 new, 2 already stored" in _import(db_url, file).output
    assert _stored(db_url) == before
