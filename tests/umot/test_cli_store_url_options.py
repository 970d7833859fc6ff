"""A store URL's own mistakes, one line each: a mistyped PostgreSQL connection option, ``~`` in an SQLite path.

psycopg refuses ``?sslmod=require`` (for sslmode) or ``?connect_timeout=10s`` while it reads the URL, with a
ProgrammingError that every command printed as a traceback; ``sqlite:///~/umot.db`` made a folder named ``~``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
URL = "postgresql://postgres@127.0.0.1:9/umot"  # never reached: the options are refused first

COMMANDS = {
    "sources": ["sources", "list"],
    "export": ["export"],
    "detractors": ["detractors", "list"],
    "run": ["run"],  # opens the store for the night lock first
}


@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize(("option", "reason"), [
    ("sslmod=require", 'invalid connection option "sslmod"'),
    ("connect_timeout=10s", "bad value for connect_timeout: '10s'"),
])
def test_a_mistyped_connection_option_is_one_line_naming_it(
    name: str, option: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    result = runner.invoke(app, [*COMMANDS[name], "--database-url", f"{URL}?{option}"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"error: cannot open the store {URL}?{option}: {reason} "
        "(check the options after '?' in --database-url or UMOT_DATABASE_URL)"
    ]


def test_a_query_that_fails_is_a_bug_not_a_refused_store() -> None:
    """Only a ProgrammingError raised while connecting is the store's refusal: a query's keeps its traceback."""
    import psycopg
    from sqlalchemy.exc import ProgrammingError

    from umot.cli._store_errors import is_store_refusal

    connecting = ProgrammingError(None, None, psycopg.ProgrammingError('invalid connection option "sslmod"'))
    assert is_store_refusal(connecting)
    query = ProgrammingError("SELECT * FROM nope", {}, psycopg.errors.UndefinedTable("nope"))
    assert not is_store_refusal(query)
    misused = ProgrammingError("SELECT %s", (1, 2), psycopg.ProgrammingError("2 parameters were passed"))
    assert not is_store_refusal(misused)


def test_a_home_folder_in_an_sqlite_url_is_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, here = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    result = runner.invoke(app, ["db", "upgrade", "--database-url", "sqlite:///~/umot.db"])
    assert result.exit_code == 0, result.output
    assert (home / "umot.db").is_file() and os.listdir(here) == []
