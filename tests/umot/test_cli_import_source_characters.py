"""``umot import``: a source label is one line of visible text wherever it comes from. ``--source`` with a
line break was refused, but a ``source`` cell with one, or the default ``import:<file name>`` of a file
whose name holds one, was stored as it was (only its length was checked)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()


def _import(file: Path, db_url: str, *options: str) -> Result:
    return runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url, *options])


def _stored(db_url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        return list(session.exec(select(Review.source)))


def test_a_source_cell_with_a_line_break_is_a_bad_row(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.jsonl"
    rows = [{"text": "fine kettle", "source": "shop"}, {"text": "meh", "source": "shop\nfake"}]
    file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = _import(file, db_url)
    assert result.exit_code == 2, result.output
    assert f"{file} line 2: source 'shop\\nfake' holds a control character (\\n): names are one line of text" \
        in result.output
    assert _stored(db_url) == []


def test_a_source_cell_with_a_direction_control_is_a_bad_row(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "f.csv"
    file.write_text("text,source\nfine kettle,\u202eshop\n", encoding="utf-8")
    result = _import(file, db_url)
    assert result.exit_code == 2 and "line 2: source '\\u202eshop' holds a text direction control" in result.output, result.output
    assert _stored(db_url) == []


def test_a_file_name_with_a_line_break_asks_for_source(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "two\nlines.csv"
    file.write_text("text,rating\nfine kettle,4\n", encoding="utf-8")
    result = _import(file, db_url)
    assert result.exit_code == 2, result.output
    assert ("line 2: source 'import:two\\nlines.csv' holds a control character (\\n): names are one line of text "
            "(give --source)") in result.output
    assert _stored(db_url) == []
    assert _import(file, db_url, "--source", "survey").exit_code == 0
    assert _stored(db_url) == ["survey"]
