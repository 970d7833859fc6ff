"""Another program's SQLite file (tables, no alembic_version) is refused in one line by every command and left
exactly as it was: `db current` switched it to WAL, `detractors list` added umot's 19 tables beside its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """A rollback-journal SQLite file holding one ``notes`` table, in a folder of its own."""
    path = tmp_path / "other" / "notes.db"
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, t TEXT)")
        conn.execute("INSERT INTO notes (t) VALUES ('hello')")
    conn.close()
    return path


def _state(path: Path) -> tuple[str, list[str], list[str]]:
    """The file's journal mode, its tables, and what lies in its folder."""
    conn = sqlite3.connect(path)
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    finally:
        conn.close()
    return mode, tables, sorted(p.name for p in path.parent.iterdir())


COMMANDS = {
    "db current": ["db", "current"],
    "db upgrade": ["db", "upgrade"],
    "db revision": ["db", "revision", "-m", "x"],
    "detractors list": ["detractors", "list", "--brand", "A"],
    "brands list": ["brands", "list"],
    "import": ["import", "{csv}", "--brand", "A", "--create-brand"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_another_programs_file_is_refused_and_left_as_it_was(name: str, foreign: Path, tmp_path: Path) -> None:
    csv = tmp_path / "reviews.csv"
    csv.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    before = _state(foreign)
    assert before == ("delete", ["notes"], ["notes.db"])
    args = [a.replace("{csv}", str(csv)) for a in COMMANDS[name]]
    result = runner.invoke(app, [*args, "--database-url", f"sqlite:///{foreign}"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (f"error: {foreign} is not a umot store (it holds another program's tables): "
                                     "check --database-url (or UMOT_DATABASE_URL)")
    assert _state(foreign) == before


def test_an_empty_file_still_becomes_a_store(tmp_path: Path) -> None:
    """A file with no tables (``touch umot.db``, or a fresh ``sqlite3`` file) is no other program's: umot fills it."""
    path = tmp_path / "umot.db"
    path.touch()
    result = runner.invoke(app, ["db", "upgrade", "--database-url", f"sqlite:///{path}"])
    assert result.exit_code == 0, result.output
    mode, tables, _ = _state(path)
    assert mode == "wal" and "alembic_version" in tables and "review" in tables


def test_another_alembic_programs_file_is_refused(tmp_path: Path) -> None:
    """Prefect's database (or any program Alembic migrates) has an ``alembic_version`` of its own: it was read as a
    store at an unknown revision, or, with that table empty, filled with umot's tables."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE flow (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.close()
    result = runner.invoke(app, ["db", "upgrade", "--database-url", f"sqlite:///{path}"])
    assert result.exit_code == 2 and "is not a umot store (it holds another program's tables)" in result.stderr
    assert _state(path)[1] == ["alembic_version", "flow"]
