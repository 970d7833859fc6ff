"""One error everywhere: a store that refuses the connection, an unknown brand.

Every command that opens the store says the same line and exits 2 when the
store refuses the connection (PostgreSQL down, wrong port): no traceback, and
no crawl or Prefect API started first. ``crawl`` and ``import`` refuse a brand
the store does not know, with the hint ``--create-brand``.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def refused_url() -> str:
    """A PostgreSQL URL on a port nobody listens on (connection refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://umot@127.0.0.1:{port}/test"


@pytest.fixture
def reviews_csv(tmp_path: Path) -> Path:
    file = tmp_path / "reviews.csv"
    file.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    return file


COMMANDS = {
    "export": ["export"],
    "import": ["import", "{csv}", "--brand", "Acme"],
    "crawl": ["crawl", "http://127.0.0.1:9/", "--brand", "Acme"],
    "detractors": ["detractors", "list"],
    "users": ["users", "list"],
    "sources": ["sources", "list"],
    "webhook": ["webhook", "list"],
    "train": ["train", "--from-db"],
    "run": ["run"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_refused_store_is_one_line_and_exit_2(name: str, refused_url: str, reviews_csv: Path) -> None:
    args = [a.replace("{csv}", str(reviews_csv)) for a in COMMANDS[name]]
    result = runner.invoke(app, [*args, "--database-url", refused_url])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: cannot open the store {refused_url}: ")
    assert "Connection refused" in lines[0] or "connection refused" in lines[0]


def _brands(db_url: str) -> list[str]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return [b.name for b in crud.list_brands(session)]


@pytest.mark.parametrize("command", [["import", "{csv}"], ["crawl", "http://127.0.0.1:9/"]])
def test_an_unknown_brand_is_refused_with_a_hint(command: list[str], db_url: str, reviews_csv: Path) -> None:
    args = [a.replace("{csv}", str(reviews_csv)) for a in command]
    result = runner.invoke(app, [*args, "--brand", "Acme Inc", "--database-url", db_url])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        "error: no brand named 'Acme Inc' in the store (brands: none yet); a new brand: add --create-brand"
    )
    assert _brands(db_url) == []  # nothing created by the typo


def test_create_brand_adds_it_and_imports(db_url: str, reviews_csv: Path) -> None:
    result = runner.invoke(app, ["import", str(reviews_csv), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert _brands(db_url) == ["Acme"]
    again = runner.invoke(app, ["import", str(reviews_csv), "--brand", "Acme", "--database-url", db_url])
    assert again.exit_code == 0 and "0 new, 1 already stored" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "./no-such-model"], "error: cannot load the model: ./no-such-model: no such model directory"),
        (["--brand", "Nope"], "error: no brand named 'Nope' in the store (brands: Acme)"),
        (["--source", "nope"], "error: no enabled source named 'nope' in the store (see `umot sources list`)"),
    ],
)
def test_run_refuses_bad_arguments_before_prefect_or_a_crawl_starts(
    args: list[str], message: str, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import umot.cli.run as run_cli
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme")

    def started(**_: object) -> None:
        raise AssertionError("the run started")

    monkeypatch.setattr(run_cli, "run_nightly", started)
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)  # removed again after: `run --database-url` sets it (delenv of
    # an unset variable records nothing to undo, so the run's value leaked into later tests)
    result = runner.invoke(app, ["run", *args, "--database-url", db_url])
    assert result.exit_code == 2 and result.stderr.strip() == message


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_file_that_is_not_a_database_is_one_line_and_exit_2(name: str, tmp_path: Path, reviews_csv: Path) -> None:
    """SQLite's "file is not a database" (a --database-url pointing at the wrong file) was a traceback."""
    not_a_db = tmp_path / "reviews-export.db"
    not_a_db.write_text("text,stars\n" + "a review,5\n" * 200, encoding="utf-8")
    url = f"sqlite:///{not_a_db}"
    args = [a.replace("{csv}", str(reviews_csv)) for a in COMMANDS[name]]
    result = runner.invoke(app, [*args, "--database-url", url])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: cannot open the store {url}: file is not a database"


@pytest.mark.parametrize("name", ["import", "crawl", "run"])  # the commands that may create a SQLite store
def test_a_store_folder_that_cannot_be_made_is_one_line_and_exit_2(name: str, tmp_path: Path, reviews_csv: Path) -> None:
    """A file where the store's folder should be was a FileExistsError traceback."""
    url = f"sqlite:///{reviews_csv}/store/umot.db"
    args = [a.replace("{csv}", str(reviews_csv)) for a in COMMANDS[name]]
    result = runner.invoke(app, [*args, "--database-url", url])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"error: cannot make the folder {reviews_csv}/store for the store {url}: a file is in the way of its path"
    )
    assert reviews_csv.read_text(encoding="utf-8") == "text,stars\nfine kettle,4\n"


@pytest.mark.parametrize("command", [
    ["sources", "add", "Acme", "feed", "--spider", "feed", "--url", "http://127.0.0.1:9/feed.xml"],
    ["sources", "disable", "Acme", "shop"],
    ["sources", "remove", "Acme", "shop"],
])
def test_a_source_edit_leaves_umot_toml_alone_when_the_store_does_not_open(
    command: list[str], refused_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "umot.toml"
    config.write_text('[[sources]]\nbrand = "Acme"\nname = "shop"\nspider = "schemaorg"\n'
                      'urls = ["http://127.0.0.1:9/reviews"]\n', encoding="utf-8")
    before = config.read_text(encoding="utf-8")
    result = runner.invoke(app, [*command, "--config", str(config), "--database-url", refused_url])
    assert result.exit_code == 2 and result.stderr.startswith(f"error: cannot open the store {refused_url}: ")
    assert config.read_text(encoding="utf-8") == before  # the file and the store stay in step
