"""A review listed twice in one import file: its last row is the one stored (a file lists the later
state last), and the summary counts the earlier row as repeated, not as already stored."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
HEAD = "id,stars,author,text\n"


def _import(file: Path, db_url: str) -> str:
    r = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert r.exit_code == 0, r.output
    return r.stdout.strip()


def _stored(db_url: str) -> dict[str, tuple[float | None, str]]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url), write=False) as session:
        return {r.external_id: (r.rating, r.text) for r in session.exec(select(Review))}


def test_the_last_row_of_a_review_listed_twice_wins(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.csv"  # its name is the reviews' source: the same file, imported before with one row
    file.write_text(HEAD + "a3,2,Cleo,Slow delivery\n", encoding="utf-8")
    _import(file, db_url)
    file.write_text(HEAD + "a3,2,Cleo,Slow delivery\na3,1,Cleo,Slow delivery and now broken\n", encoding="utf-8")
    assert _import(file, db_url) == (f"imported 2 reviews from {file} into 'Acme': 0 new, 1 already stored "
                                     "(1 edited), 1 repeated row (the last one kept)")
    assert _stored(db_url) == {"a3": (1.0, "Slow delivery and now broken")}


def test_repeats_of_new_reviews_are_not_counted_as_stored(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.csv"
    file.write_text(HEAD + "a1,5,Ann,Great\na2,4,Bob,Good\na1,4,Ann,Great until it broke\na2,4,Bob,Good\n",
                    encoding="utf-8")
    assert _import(file, db_url) == (f"imported 4 reviews from {file} into 'Acme': 2 new, 0 already stored, "
                                     "2 repeated rows (the last of each review kept)")
    assert _stored(db_url) == {"a1": (4.0, "Great until it broke"), "a2": (4.0, "Good")}
    assert _import(file, db_url).endswith("0 new, 2 already stored, 2 repeated rows (the last of each review kept)")
