"""``umot import``: short reviews without ids or authors are all kept, and bad cells or options are
one line naming the file and line (exit 2) with nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
SAME = "date,rating,text\n2026-11-02,5,Great product\n2026-11-09,1,Great product\n2026-11-16,4,Great product\n"


def _import(file: Path, db_url: str, *options: str) -> Result:
    return runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url, *options])


def _count(db_url: str) -> int:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return crud.count_reviews(session)


def test_short_reviews_without_authors_are_all_stored_once(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "same.csv"
    file.write_text(SAME + "2026-11-16,4,Great product\n", encoding="utf-8")  # the last row twice: two reviews
    first = _import(file, db_url)
    assert first.exit_code == 0 and "imported 4 reviews" in first.stdout and "4 new, 0 already stored" in first.stdout
    again = _import(file, db_url)
    assert "0 new, 4 already stored" in again.stdout and _count(db_url) == 4


def test_a_file_an_older_import_stored_adds_only_what_it_lost(tmp_path: Path, db_url: str) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    file = tmp_path / "same.csv"
    file.write_text(SAME, encoding="utf-8")
    with session_scope(get_engine(db_url)) as session:  # what the old import stored: the first row, under its text alone
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, [{"source": "import:same.csv", "text": "Great product", "published_at": "2026-11-02",
                                       "rating": 5.0, "rating_raw": 5.0, "rating_scale": 5}], brand_id=brand_id)
    assert "2 new, 1 already stored" in _import(file, db_url).stdout
    assert "0 new, 3 already stored" in _import(file, db_url).stdout and _count(db_url) == 3


@pytest.mark.parametrize(
    ("name", "content", "options", "message"),
    [
        ("f.csv", "text,rating\nfine,4\n", ["--scale", "inf"], "--scale must be a finite number above 1"),
        ("f.csv", "text,rating\nfine,4\n", ["--scale", "nan"], "--scale must be a finite number above 1"),
        ("f.csv", "text,rating\nfine,4\nmeh,2/10\n", [], "f.csv line 3: rating '2/10' is out of 10, not 5 (use --scale 10)"),
        ("f.csv", "text,rating\nfine,1e1\n", [], "f.csv line 2: rating '1e1' (10) is outside 0-5 (use --scale)"),
        ("f.jsonl", '{"text": "fine"}\n{"text": "\\ud800 bad", "id": "s1"}\n', [],
         "f.jsonl line 2: 'text' holds a lone surrogate (\\ud800): not valid Unicode text"),
        ("f.jsonl", '{"text": "fine", "author": {"n": 1}}\n', [],
         "f.jsonl line 1: author must be text or a number, not a JSON object"),
        ("f.jsonl", '{"text": "fine", "url": ["a"]}\n', [], "f.jsonl line 1: url must be text or a number, not a JSON list"),
    ],
)
def test_a_bad_cell_or_scale_is_one_line_and_stores_nothing(
    tmp_path: Path, db_url: str, name: str, content: str, options: list[str], message: str
) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_text("text\nalready here\n", encoding="utf-8")
    assert _import(kept, db_url).exit_code == 0
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    result = _import(file, db_url, *options)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.strip().endswith(message)
    assert result.stderr.startswith("error: ")
    assert _count(db_url) == 1
