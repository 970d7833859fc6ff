"""The night's first step with an over-long name in umot.toml (hand-written, or by an older umot):
that source is skipped, every other one is synced and planned (PostgreSQL stopped the plan with a
traceback; SQLite stored a name longer than its column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.logging import disable_run_logger

from flows.config_sync import sync_config
from flows.tasks.plan import plan_run

SOURCE = '[[sources]]\nbrand = "{brand}"\nname = "{name}"\nspider = "feed"\nurls = ["http://127.0.0.1:9/{name}.xml"]\n\n'


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    from models.db import init_db

    url: str = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_database")
    init_db(url)
    monkeypatch.setenv("UMOT_DATABASE_URL", url)
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    return url


@pytest.mark.parametrize("long", [{"brand": "B" * 250, "name": "s1"}, {"brand": "Acme", "name": "n" * 201}])
def test_the_long_source_is_skipped_and_the_others_planned(store: str, tmp_path: Path, long: dict[str, str]) -> None:
    (tmp_path / "umot.toml").write_text(
        SOURCE.format(brand="Acme", name="s0") + SOURCE.format(**long) + SOURCE.format(brand="Globex", name="s2"),
        encoding="utf-8",
    )
    with disable_run_logger():
        [line] = sync_config()  # the night's report and `umot run`'s summary carry it
        scope = plan_run.fn()
    assert sorted((s.brand, s.name) for s in scope.sources) == [("Acme", "s0"), ("Globex", "s2")]
    assert "source #2" in line and "characters long; at most" in line and line.endswith("the other sources were synced")
