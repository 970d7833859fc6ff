"""A CSV header that names a column twice is refused by every reader of a user's file (``umot import``,
``umot score``, ``umot train --data``): each row became a dict, so the later column silently replaced the
earlier one (``text,rating,rating`` / ``hello,4,1`` stored, scored and trained as 1 star). And a row error
names the line the row starts on, not the last line of a quoted multi-line text."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _count(db_url: str) -> tuple[int, list[str]]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return crud.count_reviews(session), [b.name for b in crud.list_brands(session)]


@pytest.mark.parametrize(
    ("header", "message"),
    [("text,rating,rating", "column 'rating' appears twice"),
     ("text,text,rating", "column 'text' appears twice"),
     ("text,Rating, rating", "column 'rating' appears twice (as 'Rating' and 'rating')")],  # the importer reads both
)
def test_import_refuses_a_repeated_column(header: str, message: str, tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "dup.csv"
    file.write_text(f"{header}\nhello,4,1\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: {file} line 1: {message}"
    assert _count(db_url) == (0, [])


@pytest.mark.parametrize("header", ["text,rating,rating", "text,text,rating"])
def test_score_refuses_a_repeated_column_before_writing(header: str, tmp_path: Path) -> None:
    file, out = tmp_path / "dup.csv", tmp_path / "scored.csv"
    file.write_text(f"{header}\nhello,4,1\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(file), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: {file} line 1: column '{header.split(',')[1]}' appears twice"
    assert not out.exists()


def test_train_refuses_a_repeated_column_before_training(tmp_path: Path) -> None:
    file, out = tmp_path / "dup.csv", tmp_path / "model"
    file.write_text("text,label,label\ngreat,1,0\nawful,0,1\n", encoding="utf-8")
    result = runner.invoke(app, ["train", "--data", str(file), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{file} line 1: column 'label' appears twice" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [('"a text\nover\nthree lines",eleven', "line 3: rating 'eleven' is not a number"),
     ('"a text\nover two",4,5', "line 3: more fields than the header has")],
)
def test_import_names_the_line_a_multi_line_row_starts_on(row: str, message: str, tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "multi.csv"
    file.write_text(f"text,rating\nfine,4\n{row}\nlast,5\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: {file} {message}"
    assert _count(db_url) == (0, [])


def test_import_counts_blank_lines_and_short_rows_as_before(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "blank.csv"
    file.write_text('text,rating,title\n\nfine,4\n\n"two\nlines",eleven,x\n', encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.stderr.strip() == f"error: {file} line 5: rating 'eleven' is not a number"
