"""A scale-out cluster on this machine: a Prefect server, PostgreSQL, a process pool and N workers.

Used by ``bench scale`` and tests/flows/test_scale_out.py: both crawl the same
local site of 20 sources (4 brands x 5 product pages with ETags), deploy with
``umot deploy --pool NAME --fan-out N``, start ``prefect worker start`` processes,
trigger the nightly deployment and read back from the store and from Prefect
what was done, and by which worker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
BRANDS, SOURCES_PER_BRAND, REVIEWS_PER_SOURCE = 4, 5, 10
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check: Callable[[], Any], timeout: float, what: str, every: float = 0.5) -> Any:
    """Poll ``check`` until it returns something truthy; TimeoutError naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except Exception:  # noqa: BLE001 - not up yet
            result = None
        if result:
            return result
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Signal the process group we started, then wait (SIGKILL if it hangs)."""
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def seed_sources(database_url: str, site_url: str) -> list[int]:
    """4 brands x 5 sources, one product page of the site each; their source ids."""
    from models import crud
    from models.db import get_engine, init_db, session_scope

    init_db(database_url)
    ids = []
    with session_scope(get_engine(database_url)) as session:
        for b in range(BRANDS):
            for s in range(SOURCES_PER_BRAND):
                page = b * SOURCES_PER_BRAND + s
                ids.append(crud.add_source(session, brand=f"Brand {b}", name=f"shop-{s}",
                                           urls=[f"{site_url}p{page}/"]).id)
    return ids


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


def store_figures(database_url: str) -> dict[str, int]:
    """Reviews, distinct reviews, scores, crawl runs and flags in the store."""
    from sqlalchemy import func, select

    from models.db import get_engine
    from models.tables import CrawlRun, Flag, Review, Score

    with get_engine(database_url).connect() as conn:
        one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
        return {
            "reviews": one(select(func.count()).select_from(Review)),
            "distinct_reviews": one(select(func.count(func.distinct(Review.external_id))).select_from(Review)),
            "scores": one(select(func.count()).select_from(Score)),
            "scored_reviews": one(select(func.count(func.distinct(Score.review_id))).select_from(Score)),
            "crawl_runs": one(select(func.count()).select_from(CrawlRun)),
            "flags": one(select(func.count()).select_from(Flag)),
        }
