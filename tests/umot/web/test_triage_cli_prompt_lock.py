"""``umot users add`` / ``passwd`` ask for the password before taking the store's write lock: while the
prompt waited, a nightly run or a web login that wrote to the store failed ("database is locked")."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

import umot.cli.users as users
from umot.cli import app

runner = CliRunner()


def _a_writer_meanwhile(url: str, got: list[str]) -> None:
    """Another process writing while the prompt waits; it gives up after 0.5 s (the store's is 30 s)."""
    conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0.5, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE brand SET name = name")
        conn.execute("COMMIT")
        got.append("wrote")
    except sqlite3.OperationalError as exc:
        got.append(str(exc))
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["users", "add", "new@acme.example", "--brand", "Acme"],
                                     ["users", "passwd", "ana@acme.example"]])
def test_the_store_is_not_locked_while_the_password_is_asked(seeded, monkeypatch, command: list[str]) -> None:
    got: list[str] = []

    def prompt(from_stdin: bool) -> str:
        _a_writer_meanwhile(seeded.url, got)
        return "long enough pw"

    monkeypatch.setattr(users, "read_password", prompt)
    done = runner.invoke(app, [*command, "--database-url", seeded.url])
    assert done.exit_code == 0, done.output
    assert got == ["wrote"]  # was "database is locked"


def test_passwd_of_an_unknown_user_fails_before_the_prompt(seeded, monkeypatch) -> None:
    monkeypatch.setattr(users, "read_password", lambda from_stdin: pytest.fail("asked for a password"))
    done = runner.invoke(app, ["users", "passwd", "nobody@acme.example", "--database-url", seeded.url])
    assert done.exit_code == 2 and "no user nobody@acme.example" in done.stderr
