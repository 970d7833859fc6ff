"""An SQLite URL in URI form (``sqlite:///file:PATH?mode=rwc&uri=true``) names the URI's file for every
command: import stored into PATH but `db current` and `detractors list` looked for a file named ``file:PATH``
(none), and the migration lock went into a ``./file:`` folder under the working directory. ``mode=ro``
opens a store for reading only: reads work, a write is one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.sqlite_url import is_sqlite_memory, sqlite_path
from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("url", "path"), [
    ("sqlite:///file:/srv/u/s.db?mode=rwc&uri=true", "/srv/u/s.db"),
    ("sqlite:///file:///srv/a%20b.db?uri=true", "/srv/a b.db"),
    ("sqlite:///file://localhost/srv/c.db?uri=1", "/srv/c.db"),
    ("sqlite:///file:rel/s.db?uri=true", "rel/s.db"),
    ("sqlite:///file:/srv/x.db", "file:/srv/x.db"),  # no uri=true: pysqlite opens the name as written
])
def test_a_uri_names_its_path(url: str, path: str) -> None:
    assert sqlite_path(url) == Path(path)


@pytest.mark.parametrize("url", ["sqlite:///file::memory:?cache=shared&uri=true",
                                 "sqlite:///file:x?mode=memory&uri=true"])
def test_a_memory_uri_names_no_file(url: str) -> None:
    assert sqlite_path(url) is None and is_sqlite_memory(url)


def test_every_command_sees_the_file_the_uri_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    store = tmp_path / "store" / "s.db"
    url = f"sqlite:///file:{store}?mode=rwc&uri=true"
    csv = tmp_path / "reviews.csv"
    csv.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    imported = runner.invoke(app, ["import", str(csv), "--brand", "A", "--create-brand", "--database-url", url])
    assert imported.exit_code == 0, imported.output
    current = runner.invoke(app, ["db", "current", "--database-url", url])
    assert current.exit_code == 0 and "(up to date)" in current.stdout, current.output
    listed = runner.invoke(app, ["detractors", "list", "--brand", "A", "--database-url", url])
    assert listed.exit_code == 0, listed.output
    assert os.listdir(here) == []  # no ./file:/... tree
    assert sorted(os.listdir(store.parent)) == ["s.db", "s.db-shm", "s.db-wal", "s.db.migrate.lock"]

    read_only = f"sqlite:///file:{store}?mode=ro&uri=true"
    brands = runner.invoke(app, ["brands", "list", "--database-url", read_only])
    assert brands.exit_code == 0 and brands.stdout.startswith("A"), brands.output
    wrote = runner.invoke(app, ["import", str(csv), "--brand", "B", "--create-brand", "--database-url", read_only])
    assert wrote.exit_code == 2 and "Traceback" not in wrote.output
    assert wrote.stderr.strip() == f"error: cannot open the store {read_only}: attempt to write a readonly database"
