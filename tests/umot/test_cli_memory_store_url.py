"""An SQLite URL that names no file (``sqlite://``, ``sqlite:///``: ``sqlite:///$DB`` with $DB unset) is refused
by every command that opens the store, from --database-url or UMOT_DATABASE_URL: its in-memory store took the
command's writes and lost them, after a summary that looked like success."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
EMPTY_URLS = ["sqlite:///", "sqlite://", "sqlite:///:memory:"]
COMMANDS = {
    "import": ["import", "{csv}", "--brand", "Acme", "--create-brand"],
    "crawl": ["crawl", "http://127.0.0.1:9/", "--brand", "Acme", "--create-brand"],
    "run": ["run"],
    "export": ["export"],
    "detractors": ["detractors", "list"],
    "sources": ["sources", "list"],
    "db upgrade": ["db", "upgrade"],
    "db current": ["db", "current"],
    "web": ["web", "--port", "9"],
    "train": ["train", "--from-db"],
}


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # never a real server
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)


def _args(name: str, tmp_path: Path) -> list[str]:
    csv = tmp_path / "ok.csv"
    csv.write_text("text,rating\nhello,4\nawful,1\n", encoding="utf-8")
    return [a.replace("{csv}", str(csv)) for a in COMMANDS[name]]


def _one_error(result, url: str, origin: str = "") -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"error: database URL {url!r}{origin} names no file (an in-memory store is lost when the command ends): "
        "give sqlite:///PATH"
    )


@pytest.mark.parametrize("url", EMPTY_URLS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_database_url_option_naming_no_file_is_refused(name: str, url: str, tmp_path: Path) -> None:
    _one_error(runner.invoke(app, [*_args(name, tmp_path), "--database-url", url]), url)
    assert not (tmp_path / "data").exists()  # nor did it fall back to the default store


@pytest.mark.parametrize("name", [*COMMANDS, "serve", "deploy"])
def test_environment_url_naming_no_file_is_refused(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:///")
    args = [name] if name in ("serve", "deploy") else _args(name, tmp_path)
    origin = "" if name == "train" else " (from UMOT_DATABASE_URL)"  # train --from-db reads the setting itself
    _one_error(runner.invoke(app, args), "sqlite:///", origin)


def test_a_file_url_still_imports(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(app, [*_args("import", tmp_path), "--database-url", url])
    assert result.exit_code == 0 and "2 new" in result.stdout, result.output


def test_code_may_still_use_an_in_memory_store() -> None:
    from models import crud
    from models.db import init_db, session_scope

    with session_scope(init_db("sqlite://")) as session:
        crud.get_or_create_brand(session, "Acme")
        assert [b.name for b in crud.list_brands(session)] == ["Acme"]
