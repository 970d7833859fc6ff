"""``umot db upgrade`` / ``umot db current`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.migrate import head_revision
from umot.cli import app


def test_db_upgrade_then_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    behind = runner.invoke(app, ["db", "current", "--check", "--database-url", url])
    assert behind.exit_code == 1  # a store not created yet is behind
    assert f"no database at {tmp_path / 'cli.db'} yet, newest revision {head_revision()}" in behind.output
    assert not (tmp_path / "cli.db").exists()  # looking does not create the file
    assert runner.invoke(app, ["db", "current", "--database-url", url]).exit_code == 0  # without --check: a report

    done = runner.invoke(app, ["db", "upgrade", "--database-url", url])
    assert done.exit_code == 0, done.output
    assert f"at revision {head_revision()}" in done.output

    now = runner.invoke(app, ["db", "current", "--check", "--database-url", url])
    assert now.exit_code == 0 and "up to date" in now.output


def test_db_upgrade_names_an_unreachable_database() -> None:
    result = CliRunner().invoke(
        app, ["db", "upgrade", "--database-url", "postgresql://nobody:secret@127.0.0.1:9/none"]
    )
    assert result.exit_code == 2
    assert "cannot migrate database" in result.output and "secret" not in result.output


SUPPORTED = "umot supports SQLite (sqlite:///PATH) and PostgreSQL (postgresql://USER@HOST/DB)"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["db", "upgrade", "--database-url", "mysql://x:secret@y/z"], {},
         f"error: unsupported database URL 'mysql://x:***@y/z': {SUPPORTED}"),
        (["db", "current"], {"UMOT_DATABASE_URL": "foo"},
         f"error: cannot parse database URL 'foo' (from UMOT_DATABASE_URL): {SUPPORTED}"),
        (["detractors", "list"], {"UMOT_DATABASE_URL": "foo"},
         f"error: cannot parse database URL 'foo' (from UMOT_DATABASE_URL): {SUPPORTED}"),
        (["users", "list", "--database-url", "oracle://u:secret@h/d"], {},
         f"error: unsupported database URL 'oracle://u:***@h/d': {SUPPORTED}"),
        # make_url's ValueError (a port that is no number, an unclosed IPv6 bracket) was a traceback
        (["db", "current"], {"UMOT_DATABASE_URL": "postgresql://u:secret@h:abc/x"},
         f"error: cannot parse database URL 'postgresql+psycopg://u:***@h:abc/x' (from UMOT_DATABASE_URL): {SUPPORTED}"),
        (["detractors", "list", "--database-url", "postgresql://u@[::1/x"], {},
         f"error: cannot parse database URL 'postgresql+psycopg://u@[::1/x': {SUPPORTED}"),
    ],
)
def test_bad_database_url_is_one_line_exit_2(args: list[str], env: dict[str, str], expected: str) -> None:
    """Was a 53-line traceback ending in ModuleNotFoundError / ArgumentError."""
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == expected


@pytest.mark.parametrize(
    "args",
    [["export", "--week", "2026-W10"], ["detractors", "list"], ["detractors", "list", "--format", "csv"],
     ["users", "list"], ["webhook", "list"]],
)
def test_reading_commands_refuse_a_missing_sqlite_file(tmp_path: Path, args: list[str]) -> None:
    """A mistyped --database-url must not create (and report on) an empty store."""
    db = tmp_path / "typo" / "path.db"
    env = {"UMOT_EXPORT_DIR": str(tmp_path / "x")}
    result = CliRunner().invoke(app, [*args, "--database-url", f"sqlite:///{db}"], env=env)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: no database at {db}: run `umot db upgrade` or check --database-url (or UMOT_DATABASE_URL)"
    )
    assert not db.exists() and not db.parent.exists() and not (tmp_path / "x").exists()


def _future_store(tmp_path: Path) -> str:
    """A store a newer umot migrated (revision 0099), as the tester made it with sqlite3."""
    import sqlite3

    from models.db import dispose_engines, init_db

    url = f"sqlite:///{tmp_path / 'future.db'}"
    init_db(url)
    dispose_engines()
    with sqlite3.connect(tmp_path / "future.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    return url


FUTURE = "is at revision 0099, which this umot does not know (made by a newer version?)"


@pytest.mark.parametrize("args", [["db", "upgrade"], ["detractors", "list"], ["webhook", "list"], ["users", "list"],
                                  ["advocates", "list"], ["export"], ["web"]])
def test_a_store_of_a_newer_umot_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    """Was alembic's CommandError traceback (exit 1)."""
    url = _future_store(tmp_path)
    result = CliRunner().invoke(app, [*args, "--database-url", url], env={"UMOT_EXPORT_DIR": str(tmp_path / "x")})
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: the store at {url} {FUTURE}"
    from models.migrate import current_revision

    assert current_revision(url) == "0099"  # nothing changed


def test_db_current_says_the_store_is_ahead_not_behind(tmp_path: Path) -> None:
    url = _future_store(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["db", "current", "--database-url", url])
    assert result.exit_code == 0 and "behind" not in result.output
    assert result.output.strip() == (f"{url}: revision 0099, newest {head_revision()} "
                                     "(unknown to this umot: made by a newer version? upgrade umot, not the store)")
    assert runner.invoke(app, ["db", "current", "--check", "--database-url", url]).exit_code == 1


def test_db_upgrade_to_an_unknown_revision_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["db", "upgrade", "0099", "--database-url", url])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip() == f"error: cannot migrate database {url}: Can't locate revision identified by '0099'"


@pytest.mark.parametrize("revision", ["", "  "])
def test_db_upgrade_to_a_blank_revision_is_one_line(tmp_path: Path, revision: str) -> None:
    """`umot db upgrade "$REV"` with REV unset: was Alembic's AssertionError traceback."""
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["db", "upgrade", revision, "--database-url", f"sqlite:///{db}"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == (f"error: no target revision given ({revision!r}): name one, e.g. head "
                                     "(the default) or a revision id")
    assert not db.exists()  # refused before the store is opened
