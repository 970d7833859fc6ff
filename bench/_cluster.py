"""A scale-out cluster on this machine: a Prefect server, PostgreSQL, a process pool and N workers.

Used by ``bench scale`` and tests/flows/test_scale_out.py: both crawl the same
local site of 20 sources (``bench._cluster_store``), deploy with
``umot deploy --pool NAME --fan-out N``, start ``prefect worker start`` processes,
trigger the nightly deployment and read back from the store and from Prefect
what was done, and by which worker. The process helpers are ``bench._processes``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench._processes import BIN, free_port, stop, wait_for

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@dataclass
class Cluster:
    """A Prefect server and the umot deployments on pool ``pool``; workers started on demand."""

    root: Path
    api_url: str
    env: dict[str, str]
    pool: str
    server: subprocess.Popen
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start_worker(self, name: str, limit: int = 2) -> subprocess.Popen:
        log = (self.root / f"worker-{name}.log").open("w")
        proc = subprocess.Popen(
            [str(BIN / "prefect"), "worker", "start", "--pool", self.pool, "--name", name, "--limit", str(limit)],
            cwd=self.root, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.workers[name] = proc
        return proc

    def worker_log(self, name: str) -> str:
        path = self.root / f"worker-{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def client(self) -> Any:
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: self.api_url}):
            return get_client(sync_client=True)

    def run_nightly(self, parameters: dict[str, Any], timeout: float = 600) -> Any:
        """Trigger the nightly deployment and wait for the run's final state."""
        with self.client() as client:
            deployment = client.read_deployment_by_name("nightly/nightly")
            run = client.create_flow_run_from_deployment(deployment.id, parameters=parameters)
            return wait_for(lambda: (r := client.read_flow_run(run.id)).state.type.value in FINAL and r,
                            timeout, f"nightly flow run {run.id}", every=1)

    def child_runs(self, parent_id: Any) -> list[Any]:
        """The nightly run's unit flow runs (crawl-shard-N, score-shard-N), oldest first."""
        from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId

        with self.client() as client:
            runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(
                parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent_id])))
        return sorted(runs, key=lambda r: r.created)

    def ran_by(self, flow_run_id: Any) -> list[str]:
        """The workers whose log says they submitted this flow run."""
        return [name for name in self.workers if str(flow_run_id) in self.worker_log(name)]


@contextmanager
def cluster(root: Path, database_url: str, *, fan_out: int, pool: str = "umot-scale",
            extra_env: dict[str, str] | None = None) -> Iterator[Cluster]:
    """Start a Prefect server, deploy umot to ``pool`` with ``--fan-out``; stop everything after."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "UMOT_"))}
    env.update(PREFECT_HOME=str(root / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{root / 'prefect.db'}",
               PREFECT_SERVER_LOGGING_LEVEL="WARNING", PREFECT_WORKER_QUERY_SECONDS="1",
               PREFECT_API_URL=f"http://127.0.0.1:{port}/api", UMOT_DATABASE_URL=database_url,
               UMOT_DATA_DIR=str(root / "data"), **(extra_env or {}))
    with (root / "server.log").open("w") as out:
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    made = Cluster(root, env["PREFECT_API_URL"], env, pool, server)
    try:
        import httpx

        wait_for(lambda: httpx.get(f"{made.api_url}/health", timeout=5).json() is True, 240, "the Prefect server")
        done = subprocess.run([str(BIN / "umot"), "deploy", "--pool", pool, "--fan-out", str(fan_out)],
                              cwd=root, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"umot deploy failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
        yield made
    finally:
        for proc in made.workers.values():
            stop(proc)
        stop(server)

