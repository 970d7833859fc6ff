"""A bad hand-edited [[competitors]] link is skipped by the nightly run with a warning naming it;
the file's other links still sync. `umot brands link` typed by hand still refuses one, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.logging import disable_run_logger
from typer.testing import CliRunner

from flows.config_sync import sync_config
from models.competitors_config import CompetitorError, sync_links
from umot.cli import app

TOML = """
[[competitors]]
brand = "acme"
rivals = ["Initech", "Nobody"]

[[competitors]]
brand = "initech"
rivals = ["ACME"]

[[competitors]]
brand = "Globex"
rivals = ["Umbrella"]
"""


def _store(db_url: str) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        for name in ("Acme", "Globex", "Initech", "Umbrella"):
            crud.get_or_create_brand(session, name)


def _links(db_url: str) -> list[tuple[str, str]]:
    from models.crud.competitors import all_links
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return all_links(session)


def test_the_night_skips_each_bad_link_and_syncs_the_others(db_url: str, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "umot.toml"
    config.write_text(TOML, encoding="utf-8")
    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    _store(db_url)
    with disable_run_logger():
        [line] = sync_config()
    assert _links(db_url) == [("Acme", "Initech"), ("Globex", "Umbrella")]
    assert f"{config}: [[competitors]] link acme -> Nobody skipped: unknown brand 'Nobody'" in line
    assert "link initech -> ACME skipped: linking Initech -> Acme would make a cycle" in line
    with disable_run_logger():
        [again] = sync_config()  # nothing new: the same two warnings, the links as they were
    assert again == line and _links(db_url) == [("Acme", "Initech"), ("Globex", "Umbrella")]


def test_without_a_list_for_skipped_links_a_bad_link_stops_the_sync(db_url: str, tmp_path: Path) -> None:
    from models.db import get_engine, session_scope

    config = tmp_path / "umot.toml"
    config.write_text(TOML, encoding="utf-8")
    _store(db_url)
    with pytest.raises(CompetitorError, match="unknown brand 'Nobody'"):
        with session_scope(get_engine(db_url)) as session:
            sync_links(session, config)
    assert _links(db_url) == []  # all or none


def test_a_bad_link_typed_by_hand_is_still_refused(db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    config.write_text(TOML, encoding="utf-8")
    _store(db_url)
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["brands", "link", "acme", "-c", "Initech", *common]).exit_code == 0
    cycle = runner.invoke(app, ["brands", "link", "Initech", "-c", "Acme", *common])
    assert cycle.exit_code == 2 and len(cycle.output.strip().splitlines()) == 1
    assert cycle.output.startswith("error: linking Initech -> Acme would make a cycle")
    assert _links(db_url) == [("Acme", "Initech")]
