"""Rows with neither an id nor an author keep their ids when the file is written another way: a
spreadsheet re-saving ``3`` as ``3.0`` or ``2024-03-05`` as ``3/5/2024``, or the file gzip'd
(``a.csv.gz`` was the source ``import:a.csv.gz``), stored every review again. The common forms
keep the ids imports always gave them, and a row an import stored under its cells as written
still counts as stored."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from crawlers.import_id_cells import date_key, rating_key
from crawlers.import_ids import adopt_previous_ids, give_import_id
from crawlers.importer import read_review_file
from models import crud
from models.db import get_engine, session_scope
from models.identity import imported_content_id
from models.stored import stored_id

ISO = "date,rating,text\n2024-03-05,3,Great product\n2024-03-05,3,Great product\n2024-03-06,4.5,Fine\n"
#: The ids the import gave these rows before canonical cells (computed with that code): unchanged.
ISO_IDS = ["sha1:ca3f2b376cae8ded7d68995f32b32f5eb9a8e727", "sha1:48cd7ff08dd5f4573ea8ce8ad17b9c3cb87baf17"]


def _file(tmp_path: Path, content: str, name: str = "a.csv") -> Path:
    file = tmp_path / name
    file.write_bytes(gzip.compress(content.encode()) if name.endswith(".gz") else content.encode())
    return file


def _ids(file: Path) -> list[str]:
    return [r["external_id"] for r in read_review_file(file)]


def test_an_iso_dated_integer_rated_row_keeps_its_id(tmp_path: Path) -> None:
    assert _ids(_file(tmp_path, ISO))[:2] == ISO_IDS
    assert imported_content_id("import:a.csv", "Great product", "2024-03-05", "3") == ISO_IDS[0]


@pytest.mark.parametrize(("name", "content"), [
    ("a.csv", "date,rating,text\n3/5/2024,3.0,Great product\n3/5/2024,3.0,Great product\n3/6/2024,4.5,Fine\n"),
    ("a.csv", "date,rating,text\n\"March 5, 2024\",3,Great product\n2024-03-05,+3,Great product\n"
              "6 Mar 2024,4.5,Fine\n"),
    ("a.csv", "date,rating,text,language\n05.03.2024,\"3,0\",Great product,de\n05.03.2024,3,Great product,de\n"
              "06.03.2024,4.5,Fine,de\n"),
    # one order for the whole file, the id's date too: rows in en and de disagree, so month first for all
    ("a.csv", "date,rating,text,language\n3/5/2024,3,Great product,en\n3/5/2024,3,Great product,de\n"
              "3/6/2024,4.5,Fine,de\n"),
    ("a.csv", "date,rating,text,language,replied_at\n05/03/2024,3,Great product,en,13/03/2024\n"
              "05/03/2024,3,Great product,en-US,\n06/03/2024,4.5,Fine,en,\n"),  # a reply's 13/03: day first
    ("a.csv.gz", ISO),
])
def test_the_same_reviews_written_another_way_get_the_same_ids(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / "iso").mkdir()
    assert _ids(_file(tmp_path, content, name)) == _ids(_file(tmp_path / "iso", ISO))


def test_a_jsonl_number_counts_as_its_value() -> None:
    assert rating_key(3.0) == rating_key(3) == rating_key("3.0") == rating_key("3e0") == "3"
    assert [rating_key(c) for c in ("4.5", "4 stars", "★★★", "")] == ["4.5", "4 stars", "★★★", ""]


@pytest.mark.parametrize("cell", ["2 days ago", "yesterday", "vor 2 Tagen", "2024-03-05T10:00", "March 2024", "",
                                  None, 1709640000])
def test_relative_dates_times_and_non_days_stay_as_written(cell: object) -> None:
    assert date_key(cell) == cell


def test_the_files_date_order_is_a_parameter_of_its_own() -> None:
    """The file's one order went in where a language goes (``date_key(cell, language)``): named now, and a
    row's language can no longer be passed in its place."""
    assert (date_key("05/03/2024", date_order="DMY"), date_key("05/03/2024", date_order="MDY")) == (
        "2024-03-05", "2024-05-03")
    with pytest.raises(TypeError):
        date_key("05/03/2024", "de")  # type: ignore[call-arg]
    row: dict[str, Any] = {"source": "import:a.csv", "text": "Great", "author": None, "external_id": None, "extra": {}}
    give_import_id(row, "05/03/2024", "5", date_order="DMY")
    assert row["external_id"] == imported_content_id("import:a.csv", "Great", "2024-03-05", "5")


def _import(db_url: str, file: Path) -> crud.UpsertResult:
    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        return crud.upsert_reviews(session, adopt_previous_ids(session, brand_id, read_review_file(file)), brand_id=brand_id)


def _store_as_written(db_url: str, rows: list[tuple[str, str, str]]) -> None:
    """Rows as an import before canonical cells stored them: the id of their cells as written."""
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [
            {"source": "import:a.csv", "text": text, "external_id": imported_content_id("import:a.csv", text, day, stars),
             "published_at": "2024-03-05", "rating": 3.0, "rating_raw": 3.0, "rating_scale": 5}
            for day, stars, text in rows], brand_id=stored_id(crud.get_or_create_brand(session, "Acme")))


def test_a_review_stored_under_its_cells_as_written_is_not_stored_twice(tmp_path: Path, db_url: str) -> None:
    excel = _file(tmp_path, "date,rating,text\n3/5/2024,3.0,Great product\n3/5/2024,3.0,Great product\n")
    _store_as_written(db_url, [("3/5/2024", "3.0", "Great product")])
    first = _import(db_url, excel)
    assert (first.new, first.existing) == (1, 1)  # the second row is one of its own, stored now
    again = _import(db_url, excel)
    assert (again.new, again.existing, again.repeated) == (0, 2, 0)


def test_two_rows_never_take_one_id(tmp_path: Path, db_url: str) -> None:
    """The 2nd row's cells as written gave the id the 1st row's canonical cells give: the 1st keeps it."""
    file = _file(tmp_path, "date,rating,text\n2024-03-05,3.0,ok\n2024-03-05,3,ok\n")
    _store_as_written(db_url, [("2024-03-05", "3", "ok")])
    first = _import(db_url, file)
    assert (first.new, first.existing, first.repeated) == (1, 1, 0)
    again = _import(db_url, file)
    assert (again.new, again.existing, again.repeated) == (0, 2, 0)
