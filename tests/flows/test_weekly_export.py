"""flows/weekly_export.py: a run that starts late exports the week before its scheduled time, not before now."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _run_scheduled_for(when: datetime, **parameters: object) -> list[str]:
    """Run the weekly-export flow as a deployment's scheduled run due at ``when`` would be run (now, late)."""
    from prefect import get_client
    from prefect.client.schemas.objects import FlowRun
    from prefect.flow_engine import run_flow_sync
    from prefect.states import Scheduled

    from flows.weekly_export import weekly_export

    with get_client(sync_client=True) as client:
        run: FlowRun = client.create_flow_run(weekly_export, parameters=parameters, state=Scheduled(scheduled_time=when))
    assert run.expected_start_time == when
    return run_flow_sync(weekly_export, flow_run=run, parameters=parameters)


def test_a_late_run_exports_the_week_before_its_scheduled_monday(store: str, tmp_path: Path) -> None:
    monday = datetime(2025, 3, 3, 6, 0, tzinfo=UTC)  # Monday of 2025-W10: due to export W09
    paths = _run_scheduled_for(monday, out_dir=str(tmp_path), timezone="UTC")
    assert paths and all(Path(p).stem.endswith("2025-W09") for p in paths), paths


def test_a_run_started_here_exports_the_last_complete_week(store: str, tmp_path: Path) -> None:
    from flows.weekly_export import weekly_export
    from reporting import default_week

    paths = weekly_export(out_dir=str(tmp_path), timezone="UTC")
    assert paths and all(Path(p).stem.endswith(str(default_week("UTC"))) for p in paths), paths


def test_an_empty_brand_exports_every_brand(store: str, tmp_path: Path) -> None:
    """The deployment's form sends "" for a brand left empty: the docstring's "empty = all brands"
    (it failed looking for a brand named "")."""
    from flows.weekly_export import weekly_export
    from models.crud import get_or_create_brand
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        for name in ("Acme", "Globex"):
            get_or_create_brand(session, name)
    paths = weekly_export(week="2025-W09", brand="", out_dir=str(tmp_path), timezone="")
    names = " ".join(Path(p).name for p in paths)
    assert "detractors-acme-2025-W09.csv" in names and "detractors-globex-2025-W09.csv" in names, paths
