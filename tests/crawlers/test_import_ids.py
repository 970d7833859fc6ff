"""Ids of imported rows with neither an id nor an author (crawlers.import_ids): distinct reviews
that share a short text stay distinct, the same file read again gives the same ids, and a review an
older import stored under its text alone still counts as stored."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from crawlers.import_ids import PREVIOUS_ID, adopt_previous_ids
from crawlers.importer import read_review_file
from models import crud
from models.db import get_engine, session_scope
from models.identity import content_id
from models.stored import stored_id
from models.tables import Review

SAME = "date,rating,text\n2026-11-02,5,Great product\n2026-11-09,1,Great product\n2026-11-16,4,Great product\n"


def _file(tmp_path: Path, content: str, name: str = "same.csv") -> Path:
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    return file


def test_rows_sharing_a_text_get_distinct_stable_ids(tmp_path: Path) -> None:
    rows = read_review_file(_file(tmp_path, SAME))
    ids = [r["external_id"] for r in rows]
    assert len(set(ids)) == 3 and ids == [r["external_id"] for r in read_review_file(_file(tmp_path, SAME))]
    assert {r[PREVIOUS_ID] for r in rows} == {content_id("import:same.csv", None, "Great product")}


def test_identical_rows_are_numbered_and_ids_or_authors_are_left_alone(tmp_path: Path) -> None:
    rows = read_review_file(_file(tmp_path, "id,author,text\n,,ok\n,,ok\n,Ann,ok\n,Ann,ok\nr1,,ok\n"))
    assert rows[0]["external_id"] == content_id("import:same.csv", None, "ok")  # the id imports always gave it
    assert rows[1]["external_id"] not in (None, rows[0]["external_id"])
    assert [r["external_id"] for r in rows[2:]] == [None, None, "r1"]  # the store's content id / the file's id
    assert not any(PREVIOUS_ID in r for r in rows[2:])


def _stored(db_url: str) -> list[tuple[str, str]]:
    with session_scope(get_engine(db_url)) as session:
        return sorted((str(r.external_id), str(r.published_at)[:10]) for r in session.exec(select(Review)))


def _import(db_url: str, file: Path) -> crud.UpsertResult:
    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        return crud.upsert_reviews(session, adopt_previous_ids(session, brand_id, read_review_file(file)), brand_id=brand_id)


def test_a_review_an_older_import_stored_is_not_stored_twice(tmp_path: Path, db_url: str) -> None:
    """The old import kept one row per text (under its text alone); which one is told by its date and rating."""
    file = _file(tmp_path, SAME)
    old_row = {"source": "import:same.csv", "text": "Great product", "published_at": "2026-11-09T00:00:00+00:00",
               "rating": 1.0, "rating_raw": 1.0, "rating_scale": 5}  # the file's 2nd row, no id: as imports stored it
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [old_row], brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))
    first = _import(db_url, file)
    assert (first.new, first.existing) == (2, 1)  # the two the old import lost; the stored one is not repeated
    stored = _stored(db_url)
    assert sorted(day for _, day in stored) == ["2026-11-02", "2026-11-09", "2026-11-16"]
    assert content_id("import:same.csv", None, "Great product") in {external_id for external_id, _ in stored}
    again = _import(db_url, file)
    assert (again.new, again.existing) == (0, 3) and len(_stored(db_url)) == 3


def test_a_row_whose_own_id_holds_another_rows_review_swaps_ids(tmp_path: Path, db_url: str) -> None:
    """An undated "ok" row's id is the old one, but the old import stored the dated "ok" under it."""
    file = _file(tmp_path, "date,text\n2026-01-05,ok\n,ok\n", "ok.csv")
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [{"source": "import:ok.csv", "text": "ok", "published_at": "2026-01-05"}],
                            brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))
    first = _import(db_url, file)
    assert (first.new, first.existing) == (1, 1)
    with session_scope(get_engine(db_url)) as session:
        dates = sorted(str(r.published_at)[:10] for r in session.exec(select(Review)))
    assert dates == ["2026-01-05", "None"]  # the undated review is stored, the dated one not twice
    again = _import(db_url, file)
    assert (again.new, again.existing) == (0, 2)
