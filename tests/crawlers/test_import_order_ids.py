"""A row whose numeric date fits both day/month orders (``05/03/2024``) is stored once, whatever order
its file is read in later: a file first read month first (it showed no order) that gains a
``13/05/2024`` row is read day first, and every such row's id moved with its date, so each was
stored again (``crawlers.import_ids``, ``crawlers.import_id_cells.order_keys``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from crawlers.import_ids import adopt_previous_ids
from crawlers.importer import read_review_file
from models import crud
from models.db import get_engine, session_scope
from models.identity import imported_content_id
from models.stored import stored_id
from models.tables import Review

DAY_FIRST = "Lovely terrace,4,13/05/2024\n"


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")


def _import(db_url: str, file: Path, date_order: str | None = None) -> tuple[int, int, int]:
    """(new, already stored, repeated) of importing ``file`` as ``umot import`` does."""
    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        rows = adopt_previous_ids(session, brand_id, read_review_file(file, date_order=date_order))
        result = crud.upsert_reviews(session, rows, brand_id=brand_id)
        return result.new, result.existing, result.repeated


def _stored(db_url: str) -> list[tuple[str, str]]:
    with session_scope(get_engine(db_url), write=False) as session:
        return sorted((r.text, r.published_at.date().isoformat()) for r in session.exec(select(Review)))


def _write(file: Path, *rows: str) -> Path:
    file.write_text("text,rating,date\n" + "".join(rows), encoding="utf-8")
    return file


def test_identical_rows_keep_their_numbered_ids(tmp_path: Path, db_url: str) -> None:
    file = _write(tmp_path / "a.csv", "ok,4,05/03/2024\n", "ok,4,05/03/2024\n")
    assert _import(db_url, file) == (2, 0, 0)
    _write(file, "ok,4,05/03/2024\n", "ok,4,05/03/2024\n", DAY_FIRST)
    assert _import(db_url, file) == (1, 2, 0)
    assert _stored(db_url) == [("Lovely terrace", "2024-05-13"), ("ok", "2024-05-03"), ("ok", "2024-05-03")]


def test_a_row_whose_own_id_is_stored_keeps_it(tmp_path: Path, db_url: str) -> None:
    """Read day first from the start, 05/03 and 03/05 of one text are each other's other-order id: no swap."""
    file = _write(tmp_path / "a.csv", "ok,4,05/03/2024\n", "ok,4,03/05/2024\n", DAY_FIRST)
    ids = [r["external_id"] for r in read_review_file(file)]
    assert _import(db_url, file) == (3, 0, 0)
    with session_scope(get_engine(db_url), write=False) as session:
        brand_id = stored_id(crud.get_brand(session, "Acme"))
        assert [r["external_id"] for r in adopt_previous_ids(session, brand_id, read_review_file(file))] == ids
    assert _import(db_url, file) == (0, 3, 0)


def test_two_rows_never_take_one_id(tmp_path: Path, db_url: str) -> None:
    """Month first stored 05/03 as 3 May; read day first, 03/05 is 3 May and keeps that id, and 05/03, which
    would take it back too, is a review of its own: stored now, and nothing twice."""
    file = _write(tmp_path / "a.csv", "ok,4,05/03/2024\n")
    assert _import(db_url, file) == (1, 0, 0)
    _write(file, "ok,4,05/03/2024\n", "ok,4,03/05/2024\n", DAY_FIRST)
    assert _import(db_url, file) == (2, 1, 0)
    assert _import(db_url, file) == (0, 3, 0)
    assert len(_stored(db_url)) == 3


def test_rows_an_import_stored_under_their_cells_as_written_still_count(tmp_path: Path, db_url: str) -> None:
    """Imports before canonical cells gave such a row the id of its date cell as written, read month first."""
    cells = [("Great food", "05/03/2024", "5"), ("Slow service", "04/02/2024", "2")]
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [
            {"source": "import:a.csv", "text": text, "external_id": imported_content_id("import:a.csv", text, day, stars),
             "published_at": f"2024-{day[:2]}-{day[3:5]}", "rating": float(stars), "rating_raw": stars, "rating_scale": 5}
            for text, day, stars in cells], brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))
    file = _write(tmp_path / "a.csv", *(f"{text},{stars},{day}\n" for text, day, stars in cells), DAY_FIRST)
    assert _import(db_url, file) == (1, 2, 0)
    assert _import(db_url, file, "DMY") == (0, 3, 0)
    assert _stored(db_url) == [("Great food", "2024-05-03"), ("Lovely terrace", "2024-05-13"),
                               ("Slow service", "2024-04-02")]
