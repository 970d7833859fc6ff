"""End to end against a real ``prefect server start``: umot serve, umot deploy, prefect deploy --all.

One server for the module (127.0.0.1, free port, PREFECT_HOME in tmp, analytics
off); every check goes through Prefect's own client, as the UI would see it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

BIN = Path(sys.executable).parent
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check: Callable[[], Any], timeout: float, what: str, proc: subprocess.Popen | None = None) -> Any:
    """Poll ``check`` until it returns something truthy; fail with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"{what}: process exited with {proc.returncode}")
        try:
            result = check()
        except Exception:  # not up yet
            result = None
        if result:
            return result
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM the process group we started, then wait (kill if it hangs)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else ""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """``prefect server start`` on a free port; yields its API URL."""
    root = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(root / "home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{root / 'prefect.db'}",
        PREFECT_SERVER_LOGGING_LEVEL="WARNING",
    )
    log = root / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/api"
    try:
        wait_for(lambda: httpx.get(f"{url}/health", timeout=5).json() is True, 240, "the Prefect server", proc)
        yield url
    except BaseException:
        print(log_tail(log))
        raise
    finally:
        stop(proc)


@pytest.fixture
def umot_env(server: str, tmp_path: Path) -> dict[str, str]:
    """Environment for umot/prefect subprocesses: the server, an empty store, exports in tmp."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "UMOT_"))}
    env.update(
        PREFECT_API_URL=server,
        PREFECT_HOME=str(tmp_path / "client-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        UMOT_DATA_DIR=str(tmp_path / "data"),
        UMOT_EXPORT_DIR=str(tmp_path / "exports"),
    )
    return env


@pytest.fixture
def client(server: str):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: server}):
        with get_client(sync_client=True) as c:
            yield c


def deployment(client, name: str):
    return client.read_deployment_by_name(name)


def run_to_the_end(client, deployment_id, timeout: float = 240):
    """Trigger a run of the deployment (as the UI's Quick run does) and wait for its final state."""
    run = client.create_flow_run_from_deployment(deployment_id)
    return wait_for(
        lambda: (r := client.read_flow_run(run.id)).state and r.state.type.value in FINAL and r,
        timeout, f"flow run {run.id}",
    )


def test_umot_serve_schedules_and_a_triggered_run(client, umot_env, tmp_path):
    env = {**umot_env, "UMOT_WEEKLY_CRON": "30 5 * * 1"}  # from the environment
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen(
            [str(BIN / "umot"), "serve", "--timezone", "America/New_York", "--nightly-cron", "15 3 * * *"],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        nightly = wait_for(lambda: deployment(client, "nightly/nightly"), 180, "the nightly deployment", serve)
        weekly = wait_for(lambda: deployment(client, "weekly-export/weekly-export"), 60, "weekly-export", serve)
        for dep, cron in ((nightly, "15 3 * * *"), (weekly, "30 5 * * 1")):
            [schedule] = dep.schedules
            assert (schedule.schedule.cron, schedule.schedule.timezone) == (cron, "America/New_York")
            assert schedule.active and not dep.paused
        assert weekly.parameters == {"timezone": "America/New_York"}

        run = run_to_the_end(client, weekly.id)
        assert run.state.type.value == "COMPLETED", log_tail(log)
        written = sorted(p.name for p in (tmp_path / "exports").iterdir())
        assert len(written) == 2 and written[0].startswith("sentiment-") and written[1].startswith("summary-")
        artifacts = client.read_artifacts()
        assert any(a.key == "weekly-export" and a.flow_run_id == run.id for a in artifacts)
    finally:
        stop(serve)
    assert serve.returncode is not None
    # Stopping the server process must not pause the schedules (pause_on_shutdown=False).
    for name in ("nightly/nightly", "weekly-export/weekly-export"):
        dep = deployment(client, name)
        assert not dep.paused and all(s.active for s in dep.schedules), name


def test_the_servers_scheduler_creates_the_runs_a_cron_asks_for(client, umot_env, tmp_path):
    """The server's scheduler turns a schedule into Scheduled flow runs (with SQLAlchemy 2.1 it failed on
    every pass, "Can't evaluate bulk DML statement", so `umot serve`'s crons never fired)."""
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen([str(BIN / "umot"), "serve", "--nightly-cron", "*/1 * * * *"], cwd=tmp_path,
                                 env=umot_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        nightly = wait_for(lambda: deployment(client, "nightly/nightly"), 180, "the nightly deployment", serve)
        ours = DeploymentFilter(id=DeploymentFilterId(any_=[nightly.id]))
        runs = wait_for(lambda: client.read_flow_runs(deployment_filter=ours), 150,
                        "the scheduler's runs of the nightly deployment", serve)
        assert all(r.state is not None and r.state.type.value in {"SCHEDULED", "PENDING", "RUNNING", *FINAL}
                   for r in runs), log_tail(log)
    finally:
        stop(serve)


def test_umot_deploy_to_a_work_pool(client, umot_env, tmp_path):
    # umot's relative defaults (./data, ./exports), as a newcomer has them
    env = {k: v for k, v in umot_env.items() if k not in ("UMOT_DATA_DIR", "UMOT_EXPORT_DIR")}
    project, elsewhere = tmp_path / "project", tmp_path / "worker"
    project.mkdir()
    elsewhere.mkdir()
    done = subprocess.run([str(BIN / "umot"), "deploy", "--pool", "umot-test", "--timezone", "Europe/Paris"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"exports {project.resolve() / 'exports'}" in done.stdout
    assert client.read_work_pool("umot-test").type == "process"
    weekly = deployment(client, "weekly-export/weekly-export")
    assert weekly.work_pool_name == "umot-test"
    assert weekly.schedules[0].schedule.timezone == "Europe/Paris"
    assert weekly.job_variables["env"]["UMOT_DATA_DIR"] == str(project.resolve() / "data")

    # A worker started in another folder runs the flow in a temporary one: the run
    # still writes to the store and exports of the folder `umot deploy` ran in.
    run = client.create_flow_run_from_deployment(weekly.id)
    worker = subprocess.run([str(BIN / "prefect"), "worker", "start", "--pool", "umot-test", "--run-once"],
                            cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    state = client.read_flow_run(run.id).state
    assert state.type.value == "COMPLETED", worker.stdout[-3000:] + worker.stderr[-3000:]
    assert any(p.name.startswith("summary-") for p in (project / "exports").iterdir())
    assert (project / "data" / "umot.db").exists() and not (elsewhere / "exports").exists()


def test_umot_serve_stops_cleanly_on_sigterm(client, umot_env, tmp_path):
    """SIGTERM (systemd, Docker, kill) stops `umot serve` like Ctrl-C: exit 0, no un-awaited coroutine,
    and --pause-on-shutdown still pauses the schedules on the way out (#15)."""
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen([str(BIN / "umot"), "serve", "--pause-on-shutdown"], cwd=tmp_path, env=umot_env,
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: "being served" in log.read_text(), 180, "umot serve to start polling", serve)
        serve.send_signal(signal.SIGTERM)  # the process only, as a service manager does
        returncode = serve.wait(timeout=60)
    finally:
        stop(serve)
    output = log.read_text()
    assert returncode == 0, output[-3000:]
    assert "never awaited" not in output and "Traceback" not in output, output[-3000:]
    assert "Paused the schedules of 2 deployment(s)." in output, output[-3000:]
    for name in ("nightly/nightly", "weekly-export/weekly-export"):
        assert deployment(client, name).paused, name


@pytest.mark.parametrize("when", ["before the loop runs", "while the runner enters"])
def test_an_early_stop_still_pauses_the_schedules(server, client, when):
    """SIGTERM can land before the runner is up (a loaded machine, a quick kill), when Prefect's own
    pause would not run: --pause-on-shutdown must pause the schedules all the same."""
    import asyncio

    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.deployments import ScheduleConfig, build_deployments
    from flows.serving import _StopOnSigterm

    names = ("nightly/nightly", "weekly-export/weekly-export")
    with temporary_settings(updates={PREFECT_API_URL: server}):
        runner = _StopOnSigterm(pause_on_shutdown=True, webserver=False)
        for dep in build_deployments(ScheduleConfig()):
            runner.add_deployment(dep)
        for name in names:
            client.resume_deployment(deployment(client, name).id)
        assert not any(deployment(client, name).paused for name in names)

        async def stop_early() -> None:
            if when == "before the loop runs":
                runner.handle_sigterm()  # what the signal calls
                await asyncio.wait_for(runner.start(), 60)
                return
            task = asyncio.create_task(runner.start())
            await asyncio.sleep(0)  # start() runs up to its first wait, inside the runner's __aenter__
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        asyncio.run(stop_early())
    for name in names:
        assert deployment(client, name).paused, name
