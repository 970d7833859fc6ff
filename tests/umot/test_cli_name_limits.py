"""Names longer than the store's columns: refused by every command in one line (exit 2) before
umot.toml or the store is written, the same on SQLite (which would keep them) and PostgreSQL
(which stopped with a traceback); one already in umot.toml is skipped, not fatal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
LONG = "B" * 250
FEED = ["--spider", "feed", "--url", "http://127.0.0.1:9/feed.xml"]
GOOD = '[[sources]]\nbrand = "Acme"\nname = "s0"\nspider = "feed"\nurls = ["http://127.0.0.1:9/feed.xml"]\n\n'


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> str:
    """A migrated store holding the brand Acme and its source s0 (PostgreSQL: skipped without a server)."""
    from models import crud
    from models.db import get_engine, init_db, session_scope

    url: str = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_database")
    init_db(url)
    with session_scope(get_engine(url)) as session:
        crud.add_source(session, brand="Acme", name="s0", urls=["http://127.0.0.1:9/feed.xml"], spider="feed")
    return url


def _snapshot(url: str) -> dict[str, Any]:
    """Everything these commands could write: brands (with webhooks), sources, reviews, users."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Brand, Review, Source, User

    with session_scope(get_engine(url), write=False) as session:
        return {
            "brands": sorted((b.name, b.webhook_url) for b in session.exec(select(Brand))),
            "sources": sorted((s.brand_id, s.name) for s in session.exec(select(Source))),
            "reviews": len(session.exec(select(Review)).all()),
            "users": len(session.exec(select(User)).all()),
        }


REFUSALS = {
    "sources-add-brand": (["sources", "add", LONG, "s1", *FEED],
                          "error: brand name 'BBBBBBBBBBBBBBBBBBBBBBBB…' is 250 characters long; at most 200"),
    "sources-add-name": (["sources", "add", "Acme", LONG, *FEED],
                         "error: source name 'BBBBBBBBBBBBBBBBBBBBBBBB…' is 250 characters long; at most 200"),
    "import-brand": (["import", "{reviews}", "--brand", LONG, "--create-brand"], "error: --brand: brand name 'BBBB"),
    "crawl-brand": (["crawl", "http://127.0.0.1:9/", "--brand", LONG, "--create-brand"], "error: --brand: brand name 'BBBB"),
    "webhook": (["webhook", "set", "Acme", "https://hooks.example/" + "x" * 2100],
                "error: webhook URL is 2122 characters long; at most 2000"),
    "user-email": (["users", "add", "a" * 320 + "@x.example", "--admin", "--password-stdin"],
                   "is 330 characters long; at most 320"),
}


@pytest.mark.parametrize("way", list(REFUSALS))
def test_every_way_in_refuses_an_over_long_name_in_one_line(store: str, tmp_path: Path, way: str) -> None:
    config = tmp_path / "umot.toml"
    config.write_text(GOOD, encoding="utf-8")
    reviews = tmp_path / "tz.csv"
    reviews.write_text("id,text\n1,hello\n", encoding="utf-8")
    args, message = REFUSALS[way]
    before = _snapshot(store)
    result = runner.invoke(app, [*(a.format(reviews=reviews) for a in args), "--database-url", store],
                           env={"UMOT_CONFIG": str(config)}, input="long enough pw\n")
    assert result.exit_code == 2, result.output
    assert result.output.strip().count("\n") == 0 and message in result.output, result.output
    assert "characters long; at most" in result.output
    assert config.read_text(encoding="utf-8") == GOOD  # umot.toml untouched
    assert _snapshot(store) == before  # and the store


def test_a_hand_written_long_name_is_skipped_and_said_the_rest_syncs(store: str, tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    bad = GOOD.replace('"Acme"', f'"{LONG}"').replace("s0", "s1")
    config.write_text(GOOD + bad + GOOD.replace("s0", "s2"), encoding="utf-8")
    common = ["--config", str(config), "--database-url", store]

    listed = runner.invoke(app, ["sources", "list", *common], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "s0" in listed.stdout and "s2" in listed.stdout and "BBBB" not in listed.stdout
    assert listed.stderr.strip() == (
        f"warning: {config}: source #2: brand name 'BBBBBBBBBBBBBBBBBBBBBBBB…' is 250 characters long; "
        "at most 200; skipped, the other sources were synced"
    )
    synced = runner.invoke(app, ["sources", "sync", *common])
    assert synced.exit_code == 0 and "2 unchanged, 0 disabled, 1 skipped" in synced.stdout, synced.output
    added = runner.invoke(app, ["sources", "add", "Acme", "s3", *FEED, *common])  # another source still adds
    assert added.exit_code == 0 and "source #2" in added.stderr, added.output
    assert [name for _, name in _snapshot(store)["sources"]] == ["s0", "s2", "s3"]


def test_umot_runs_checks_skip_the_long_source_and_keep_the_others(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`umot run --brand Acme` syncs umot.toml before it starts: that was the traceback."""
    from umot.cli._run_checks import check_run_arguments

    config = tmp_path / "umot.toml"
    config.write_text(GOOD + GOOD.replace('"Acme"', f'"{LONG}"') + GOOD.replace("s0", "s2"), encoding="utf-8")
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATABASE_URL", store)  # check_run_arguments sets it: undone after the test
    check_run_arguments(store, brand="Acme", source="s2", model="fast")  # no traceback; the night reports it
    assert [name for _, name in _snapshot(store)["sources"]] == ["s0", "s2"]
