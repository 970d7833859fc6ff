"""The nightly plan step brings umot.toml's [[competitors]] links into the store; a bad link is logged and skipped."""

from __future__ import annotations

from pathlib import Path

from prefect.logging import disable_run_logger

from flows.config_sync import sync_config

TOML = """
[[sources]]
brand = "Acme"
name = "tp"
spider = "trustpilot"
options = { domain = "acme.example" }

[[sources]]
brand = "Globex"
name = "tp"
spider = "trustpilot"
options = { domain = "globex.example" }

[[competitors]]
brand = "Acme"
rivals = ["Globex"%s]
"""


def _links(db_url: str) -> list[tuple[str, str]]:
    from models.crud.competitors import all_links
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return all_links(session)


def test_plan_syncs_competitor_links(db_url: str, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "umot.toml"
    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    config.write_text(TOML % ', "Nobody"', encoding="utf-8")
    with disable_run_logger():
        [line] = sync_config()  # an unknown rival: logged, reported and skipped; the good link and the sources synced
    assert "link Acme -> Nobody skipped: unknown brand 'Nobody'" in line
    assert _links(db_url) == [("Acme", "Globex")]
    config.write_text(TOML % "", encoding="utf-8")
    with disable_run_logger():
        sync_config()
    assert _links(db_url) == [("Acme", "Globex")]
