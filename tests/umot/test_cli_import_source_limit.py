"""``umot import``: a source label longer than ``review.source`` holds (200) is refused, not stored cut.

``--source`` is one line naming the option, exit 2, before the file is read; a
``source`` cell is a bad row naming its file and line; both store nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
LONG = "survey-" + "x" * 200  # 207 characters


def _import(file: Path, db_url: str, *options: str) -> Result:
    return runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url, *options])


def _stored(db_url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Brand, Review

    with session_scope(get_engine(db_url)) as session:
        return [*session.exec(select(Review.source)), *session.exec(select(Brand.name))]


def test_a_long_source_option_is_refused(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.csv"
    file.write_text("text,rating\nfine kettle,4\n", encoding="utf-8")
    result = _import(file, db_url, "--source", LONG)
    assert result.exit_code == 2
    assert "--source 'survey-xxxxxxxxxxxxxxxxx…' is 207 characters long; at most 200" in result.output
    assert len(result.output.strip().splitlines()) == 1 and _stored(db_url) == []


def test_a_long_source_cell_is_a_bad_row(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.jsonl"
    rows = [{"text": "fine kettle", "source": "shop"}, {"text": "meh", "source": LONG}]
    file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = _import(file, db_url)
    assert result.exit_code == 2
    assert f"{file} line 2: source 'survey-xxxxxxxxxxxxxxxxx…' is 207 characters long; at most 200" in result.output
    assert _stored(db_url) == []


def test_a_source_of_200_characters_is_stored_whole(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.csv"
    file.write_text("text,rating\nfine kettle,4\n", encoding="utf-8")
    result = _import(file, db_url, "--source", LONG[:200])
    assert result.exit_code == 0, result.output
    assert LONG[:200] in _stored(db_url)


def test_a_file_name_too_long_for_the_default_source_asks_for_source(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / ("r" * 200 + ".csv")  # import:rrr….csv is 211 characters
    file.write_text("text,rating\nfine kettle,4\n", encoding="utf-8")
    result = _import(file, db_url)
    assert result.exit_code == 2
    assert "line 2: source 'import:rrrrrrrrrrrrrrrrr…' is 211 characters long; at most 200 (give a shorter --source)" in result.output
    assert _stored(db_url) == []
    assert _import(file, db_url, "--source", "survey").exit_code == 0
