"""A row takes back its id under the other day/month order only when the stored review it names was read
in that order: ``05/03/2024`` read day first (5 March) is a review of its own beside a stored
``03/05/2024`` read day first (3 May), whose id is the 5 March row's id month first. The other order's
id was taken whenever the store held it, so the 5 March review was counted as already stored and lost.
Each import records the order it read a date fitting both in (``extra["date_order"]``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from crawlers.import_ids import adopt_previous_ids
from crawlers.import_other_ids import DATE_ORDER, NO_ORDER
from crawlers.importer import read_review_file
from models import crud
from models.db import get_engine, session_scope
from models.identity import imported_content_id
from models.stored import stored_id
from models.tables import Review


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")


def _import(db_url: str, file: Path, date_order: str | None = None) -> tuple[int, int]:
    """(new, already stored) of importing ``file`` as ``umot import`` does."""
    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        rows = adopt_previous_ids(session, brand_id, read_review_file(file, date_order=date_order))
        result = crud.upsert_reviews(session, rows, brand_id=brand_id)
        return result.new, result.existing


def _stored(db_url: str) -> list[tuple[str, str, object]]:
    """(text, day, recorded order) of every stored review."""
    with session_scope(get_engine(db_url), write=False) as session:
        return sorted((r.text, r.published_at.date().isoformat(), (r.extra or {}).get(DATE_ORDER))
                      for r in session.exec(select(Review)))


def _write(folder: Path, *rows: str) -> Path:
    """``folder/r.csv``: one file name, so one source (``import:r.csv``), in every folder."""
    folder.mkdir(exist_ok=True)
    file = folder / "r.csv"
    file.write_text("text,rating,date\n" + "".join(rows), encoding="utf-8")
    return file


def test_a_new_review_read_in_the_stored_ones_order_is_stored(tmp_path: Path, db_url: str) -> None:
    """The reviewer's case: May's file, then March's, both DMY: 5 March was '0 new, 1 already stored'."""
    assert _import(db_url, _write(tmp_path / "may", "Great,5,03/05/2024\n"), "DMY") == (1, 0)
    assert _import(db_url, _write(tmp_path / "march", "Great,5,05/03/2024\n"), "DMY") == (1, 0)
    assert _stored(db_url) == [("Great", "2024-03-05", "DMY"), ("Great", "2024-05-03", "DMY")]
    assert _import(db_url, _write(tmp_path / "march", "Great,5,05/03/2024\n"), "DMY") == (0, 1)


def test_files_whose_dates_show_day_first_lose_nothing_either(tmp_path: Path, db_url: str) -> None:
    assert _import(db_url, _write(tmp_path / "may", "Great,5,03/05/2024\n", "Good coffee,4,21/05/2024\n")) == (2, 0)
    assert _import(db_url, _write(tmp_path / "march", "Great,5,05/03/2024\n", "Slow,2,20/03/2024\n")) == (2, 0)
    assert [(text, day) for text, day, _ in _stored(db_url)] == [
        ("Good coffee", "2024-05-21"), ("Great", "2024-03-05"), ("Great", "2024-05-03"), ("Slow", "2024-03-20")]


def test_a_review_read_in_the_other_order_is_taken_back(tmp_path: Path, db_url: str) -> None:
    """The original bug stays fixed: read month first, then (a day-first row added) day first: stored once."""
    assert _import(db_url, _write(tmp_path / "a", "Great,5,05/03/2024\n")) == (1, 0)
    assert _import(db_url, _write(tmp_path / "a", "Great,5,05/03/2024\n", "Fine,4,13/05/2024\n")) == (1, 1)
    assert _import(db_url, _write(tmp_path / "a", "Great,5,05/03/2024\n", "Fine,4,13/05/2024\n")) == (0, 2)
    assert _stored(db_url) == [("Fine", "2024-05-13", NO_ORDER), ("Great", "2024-05-03", "MDY")]


def test_a_review_stored_without_a_record_is_taken_back(tmp_path: Path, db_url: str) -> None:
    """Imports before the record stored 05/03/2024 month first (3 May) with none: it counts as read so."""
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [{
            "source": "import:r.csv", "text": "Great", "published_at": "2024-05-03", "rating": 5.0, "rating_raw": "5",
            "rating_scale": 5, "external_id": imported_content_id("import:r.csv", "Great", "2024-05-03", "5"),
        }], brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))
    assert _import(db_url, _write(tmp_path / "a", "Great,5,05/03/2024\n"), "DMY") == (0, 1)
    assert _stored(db_url) == [("Great", "2024-05-03", None)]


@pytest.mark.parametrize(("date_order", "recorded", "same_day"), [
    (None, "MDY", NO_ORDER), ("dmy", "DMY", NO_ORDER), ("YMD", "YMD", "YMD"),  # 05/05/24: 24 May 2005 in YMD
])
def test_the_order_a_date_is_read_in_is_recorded(
    tmp_path: Path, date_order: str | None, recorded: str, same_day: str
) -> None:
    """Of rows without id and author (the others' ids do not cover their date): a date naming one day
    in every order (ISO, 05/05/24 but in YMD) is recorded as read in none; a time or no date is not."""
    file = tmp_path / "r.csv"
    file.write_text("text,rating,date,author,id\nGreat,5,05/03/24,,\nFine,4,2024-05-13,,\nOk,3,05/05/24,,\n"
                    "Ann's,5,05/03/24,Ann,\nIded,5,05/03/24,,x1\nTimed,5,2024-05-13T10:00:00Z,,\nNone,5,,,\n",
                    encoding="utf-8")
    assert [row["extra"] for row in read_review_file(file, date_order=date_order)] == [
        {DATE_ORDER: recorded}, {DATE_ORDER: NO_ORDER}, {DATE_ORDER: same_day}, {}, {}, {}, {}]


def test_a_dotted_date_is_recorded_in_the_order_it_was_read(tmp_path: Path) -> None:
    file = tmp_path / "r.csv"
    file.write_text("text,rating,date,date_order\nGut,5,05.03.2024,MDY\n", encoding="utf-8")
    [row] = read_review_file(file)
    assert (row["published_at"][:10], row["extra"]) == ("2024-03-05", {DATE_ORDER: "DMY"})  # not the column's


@pytest.mark.parametrize("first", ["2026-03-04", "4 March 2026"])
def test_a_review_dated_one_way_in_every_order_is_never_taken_for_another_day(
    tmp_path: Path, db_url: str, first: str
) -> None:
    """4 March stored from an ISO date (or a month's name); then the same source's month-first file has
    04/03/2026, 3 April: its id day first is the stored review's, which had no record and was taken for
    it, so the April review was '1 already stored' and lost. A day-first file's 04/03/2026 is that review."""
    assert _import(db_url, _write(tmp_path / "a", f'Great,5,"{first}"\n')) == (1, 0)
    assert _import(db_url, _write(tmp_path / "b", "Great,5,04/03/2026\n", "Fine,4,04/13/2026\n")) == (2, 0)
    assert [(text, day) for text, day, _ in _stored(db_url)] == [
        ("Fine", "2026-04-13"), ("Great", "2026-03-04"), ("Great", "2026-04-03")]
    assert _import(db_url, _write(tmp_path / "c", "Great,5,04/03/2026\n"), "DMY") == (0, 1)
