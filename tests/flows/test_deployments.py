"""Deployments (schedules, entrypoints) and the weekly-export flow under prefect_test_harness."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from core.settings import Settings
from flows.deployments import DeploymentConfigError, ScheduleConfig, build_deployments
from models.db import init_db
from models.tables import Brand, Flag, Review, Score
from reporting import default_week
from umot.cli import app

# `umot serve`/`deploy` run in-process here set PREFECT_API_URL: never for the tests after.
pytestmark = pytest.mark.usefixtures("restore_prefect_api_url")
REPO = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_schedule_defaults_env_and_arguments(monkeypatch):
    for name in ("UMOT_NIGHTLY_CRON", "UMOT_WEEKLY_CRON", "UMOT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    assert ScheduleConfig.resolve() == ScheduleConfig("0 2 * * *", "0 6 * * 1", "UTC")
    monkeypatch.setenv("UMOT_NIGHTLY_CRON", "30 1 * * *")
    monkeypatch.setenv("UMOT_WEEKLY_CRON", "0 7 * * 1")
    monkeypatch.setenv("UMOT_TIMEZONE", "Europe/Berlin")
    assert ScheduleConfig.resolve() == ScheduleConfig("30 1 * * *", "0 7 * * 1", "Europe/Berlin")
    assert ScheduleConfig.resolve("0 3 * * *", None, "Asia/Tokyo") == ScheduleConfig(
        "0 3 * * *", "0 7 * * 1", "Asia/Tokyo"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nightly_cron": "every night"}, "--nightly-cron 'every night'"),  # given as the option: named so
        ({"weekly_cron": "61 6 * * 1"}, "--weekly-cron '61 6 * * 1'"),
        ({"timezone": "Mars/Olympus"}, "--timezone 'Mars/Olympus'"),
    ],
)
def test_schedule_errors_name_the_setting(kwargs, message):
    with pytest.raises(DeploymentConfigError) as info:
        ScheduleConfig.resolve(settings=Settings(), **kwargs)
    assert message in str(info.value)


def test_build_deployments_schedules_timezone_and_module_entrypoints():
    nightly, weekly = build_deployments(ScheduleConfig("15 2 * * *", "0 6 * * 1", "Europe/Berlin"))
    assert (nightly.name, nightly.flow_name) == ("nightly", "nightly")
    assert (weekly.name, weekly.flow_name) == ("weekly-export", "weekly-export")
    # Module paths: any machine with umot installed runs them, whatever its working directory.
    assert nightly.entrypoint == "flows.nightly.nightly"
    assert weekly.entrypoint == "flows.weekly_export.weekly_export"
    for deployment, cron in ((nightly, "15 2 * * *"), (weekly, "0 6 * * 1")):
        [schedule] = deployment.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == (cron, "Europe/Berlin", True)
        assert deployment.paused is False
        assert deployment.concurrency_limit == 1
    # Export weeks start on Monday 00:00 in the schedule's timezone.
    assert weekly.parameters == {"timezone": "Europe/Berlin"}


@pytest.mark.parametrize(
    ("args", "message"),
    [(["serve", "--nightly-cron", "bad"], "--nightly-cron 'bad'"),
     (["deploy", "--timezone", "Nowhere/X"], "--timezone 'Nowhere/X'"),
     (["deploy", "--pool", " "], "--pool is empty: name the work pool")],
)
def test_cli_rejects_bad_schedules_and_pools_before_contacting_prefect(args, message):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_cli_serve_without_a_server_says_how_to_start_one(monkeypatch, tmp_path):
    port = free_port()  # nobody listens there
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{port}/api")
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert f"no Prefect server answers at http://127.0.0.1:{port}/api" in result.output
    assert "prefect server start" in result.output


@pytest.mark.parametrize("fan_out, warned", [("4", True), ("0", False)])
def test_cli_deploy_fan_out_on_sqlite_warns_at_once(monkeypatch, tmp_path, fan_out, warned):
    """The warning was only in a night's log, after workers had run one process each."""
    port = free_port()  # nobody listens there: the warning comes before Prefect is contacted
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{port}/api")
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    result = CliRunner().invoke(app, ["deploy", "--pool", "umot", "--fan-out", fan_out])
    assert result.exit_code == 2  # then no server
    assert result.stderr.startswith("warning: --fan-out 4 needs a PostgreSQL store") is warned, result.stderr


def test_prefect_api_url_defaults_to_a_local_prefect_server():
    from umot.cli._prefect_server import LOCAL_API_URL, use_prefect_server

    env: dict[str, str] = {}
    assert use_prefect_server(env) == LOCAL_API_URL == "http://127.0.0.1:4200/api"
    assert env == {"PREFECT_API_URL": LOCAL_API_URL}  # for Prefect and the flow-run subprocesses
    env = {"PREFECT_API_URL": "http://prefect.internal:4200/api/"}
    assert use_prefect_server(env) == "http://prefect.internal:4200/api"
    assert env["PREFECT_API_URL"] == "http://prefect.internal:4200/api/"


def test_cli_serve_with_prefect_api_url_unset_and_no_local_server_fails_in_one_line(monkeypatch, tmp_path):
    import umot.cli._prefect_server as prefect_server

    port = free_port()
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(prefect_server, "LOCAL_API_URL", f"http://127.0.0.1:{port}/api")  # the default, on a free port
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"error: no Prefect server answers at http://127.0.0.1:{port}/api")
    assert "prefect server start" in line and "PREFECT_API_URL" in line


SERVE_WITH_DEFAULT = """
import sys
import flows.deployments, umot.cli._prefect_server
from umot.cli import app

umot.cli._prefect_server.LOCAL_API_URL = sys.argv[1]  # the default, moved to the test's server
def serve_all(config, **kwargs):  # what Prefect would register the deployments with
    from prefect.settings import get_current_settings
    print("prefect api:", get_current_settings().api.url)
flows.deployments.serve_all = serve_all
app(["serve", "--nightly-cron", "15 3 * * *"])
"""


def test_cli_serve_with_prefect_api_url_unset_registers_on_the_local_server(prefect_health_api, tmp_path):
    """A fresh process, as from the shell: Prefect must not have read its settings before the default."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "UMOT_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), UMOT_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", SERVE_WITH_DEFAULT, prefect_health_api], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"timezone UTC, on {prefect_health_api}" in done.stdout
    assert f"prefect api: {prefect_health_api}" in done.stdout.splitlines()
    assert "temporary server" not in done.stdout + done.stderr


# --- the weekly-export flow (prefect_harness and store: tests/flows/conftest.py) ---


@pytest.fixture
def seeded_store(store: str, tmp_path, monkeypatch) -> str:
    """The flows' ``store`` plus one detractor dated in last complete week; exports to tmp."""
    url = store
    monkeypatch.setenv("UMOT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.delenv("UMOT_TIMEZONE", raising=False)
    when = datetime.combine(default_week().monday + timedelta(days=2), time(12), tzinfo=UTC)
    with Session(init_db(url)) as s:
        brand = Brand(name="Acme | Corp")
        s.add(brand)
        s.flush()
        review = Review(brand_id=brand.id, source="test", external_id="1", text="awful", rating=1, published_at=when)
        s.add(review)
        s.flush()
        score = Score(review_id=review.id, model_version="t", label="negative", stars=1.0, detractor=True)
        s.add(score)
        s.flush()
        s.add(Flag(review_id=review.id, score_id=score.id, brand_id=brand.id, reasons=["negative_text"], severity=1))
        s.commit()
    return url


def test_weekly_export_flow_writes_files_and_an_artifact(prefect_harness, seeded_store, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.weekly_export import weekly_export

    week = str(default_week())
    paths = weekly_export()
    assert [Path(p).name for p in paths] == [
        f"detractors-acme-corp-{week}.csv", f"summary-{week}.csv", f"sentiment-{week}.png",
        f"advocates-acme-corp-{week}.csv", f"themes-acme-corp-{week}.csv",
    ]
    assert all((tmp_path / "exports" / Path(p).name).exists() for p in paths)
    assert "awful" in Path(paths[0]).read_text()

    async def artifacts():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["weekly-export"]))
            )

    import asyncio

    artifact = max(asyncio.run(artifacts()), key=lambda a: a.created)  # the session's server is shared
    assert f"# Weekly export {week}" in artifact.data
    assert "| Acme \\| Corp | 1 | 1 | 100.0 | 0.0 | 1.0 | -100.0 | - |" in artifact.data
    assert f"summary-{week}.csv" in artifact.data


def test_weekly_export_flow_fails_clearly_on_a_bad_week(prefect_harness, seeded_store):
    from flows.weekly_export import weekly_export

    state = weekly_export(week="2026-W99", return_state=True)
    assert state.is_failed()
    with pytest.raises(ValueError, match="2026 has no week 99"):
        state.result()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["deploy", "--nightly-cron", "0 2 * * * *"],  # Prefect reads a sixth field as seconds: a run every second
      "error: --nightly-cron '0 2 * * * *' has 6 fields, not 5 (minute hour day-of-month month day-of-week, or "),
     (["serve", "--weekly-cron", "0 6 30 2 *"], "error: --weekly-cron '0 6 30 2 *' never comes: no date matches"),
     (["deploy", "--weekly-cron", "@reboot"], "error: --weekly-cron '@reboot' is not a cron expression")],
)
def test_cli_rejects_crons_prefect_takes_but_that_do_not_run_as_written(args, message, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # refused before it is asked
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1


def test_a_leap_day_and_weekday_ranges_are_schedules():
    ScheduleConfig("0 2 * * 1-5", "0 6 29 2 *", "UTC").validate()  # every fourth year is still a date
    ScheduleConfig("@daily", "@weekly", "UTC").validate()  # cron's nicknames: five fields Prefect runs as such
