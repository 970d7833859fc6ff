"""What in umot.toml a night could not use: one line each, for the report and `umot run`'s summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.logging import disable_run_logger

from flows.config_check import theme_problem, unknown_tables, unreadable
from flows.config_sync import sync_config

SOURCE = '[[sources]]\nbrand = "Acme"\nname = "tp"\nspider = "trustpilot"\noptions = { domain = "acme.example" }\n'
THEME = '[[themes]]\nbrand = "Acme"\nname = "%s"\ndescription = "the Acme Plus card"\nexamples = ["plus card"]\n'


@pytest.fixture
def config(db_url: str, tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "umot.toml"
    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    monkeypatch.setenv("UMOT_CONFIG", str(path))
    return path


def _stored_sources(db_url: str) -> list[str]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return [s.name for s in crud.list_sources(session)]


def test_a_good_file_has_no_warnings(config: Path, db_url: str) -> None:
    config.write_text(SOURCE + THEME % "loyalty_card", encoding="utf-8")
    with disable_run_logger():
        assert sync_config() == ()
    assert _stored_sources(db_url) == ["tp"]
    assert unknown_tables(config) == [] and theme_problem(config) is None and unreadable(config) is None


def test_no_file_no_warnings(config: Path) -> None:
    with disable_run_logger():
        assert sync_config() == ()


def test_a_file_that_is_not_toml_is_one_line(config: Path) -> None:
    config.write_text("[[sources]]\nbrand = ", encoding="utf-8")
    with disable_run_logger():
        [line] = sync_config()
    assert line.startswith(f"{config}: not valid TOML (")
    assert line.endswith("nothing in it was used this run; the sources already stored were crawled")


def test_a_bad_source_keeps_the_themes_and_names_what_was_skipped(config: Path, db_url: str) -> None:
    config.write_text(SOURCE.replace("trustpilot", "nosuch") + THEME % "loyalty_card", encoding="utf-8")
    with disable_run_logger():
        [line] = sync_config()
    assert line.startswith("sources and competitor links not synced, the sources already stored were crawled: ")
    assert "unknown spider 'nosuch'" in line and _stored_sources(db_url) == []


def test_a_bad_theme_says_the_run_reads_no_themes(config: Path, db_url: str) -> None:
    config.write_text(SOURCE + THEME % "Loyalty Card", encoding="utf-8")
    with disable_run_logger():
        [line] = sync_config()
    assert line.startswith(f"themes and journey stages not read this run: {config}: ")
    assert "'Loyalty Card': name must be lower_snake_case" in line
    assert _stored_sources(db_url) == ["tp"]  # the sources still sync


def test_a_misspelt_table_is_named_instead_of_skipped_in_silence(config: Path) -> None:
    config.write_text(SOURCE.replace("[[sources]]", "[[source]]"), encoding="utf-8")
    with disable_run_logger():
        lines = sync_config()
    assert lines == (
        f"{config}: 'source' is not read by umot (it reads [[competitors]], [[sources]], [[themes]]); check its spelling",
    )


def test_a_deployed_night_on_a_worker_without_the_file_says_so(config: Path, monkeypatch, caplog) -> None:
    """`umot deploy` pins the deployer's UMOT_CONFIG: a worker without that file read themes without the brand's
    [[themes]] (re-reading its reviews, then again on a machine with the file) and said nothing."""
    import logging

    import flows.config_sync as plan
    from flows.deployed_store import STORE_MARKER
    from flows.worker_env import CONFIG_MARKER

    monkeypatch.setenv(STORE_MARKER, "sqlite:///somewhere/umot.db")
    with disable_run_logger():
        assert sync_config() == ()  # deployed by a machine without the file either: nothing to say
    monkeypatch.setenv(CONFIG_MARKER, "1")
    monkeypatch.setattr(plan, "get_run_logger", lambda: logging.getLogger("umot.test.plan"))
    with caplog.at_level(logging.WARNING, logger="umot.test.plan"):
        [line] = sync_config()
    assert [r.getMessage() for r in caplog.records] == [line]
    assert line.startswith(f"UMOT_CONFIG names {config}, which is not on this worker (")
    assert "put umot.toml and <UMOT_DATA_DIR>/theme-corrections/ at the same path on every worker" in line
    config.write_text(SOURCE, encoding="utf-8")
    with disable_run_logger():
        assert sync_config() == ()  # the file there: nothing to say
