"""Two Prefect workers share a night on one PostgreSQL store (#16).

A real ``prefect server``, a process work pool deployed with ``umot deploy
--fan-out``, two ``prefect worker start`` processes, the shipped model, and a
local site of 20 sources: every source crawled once, every review stored and
scored once, both workers did units, and the night's artifact reads as a
one-process night's. Then one worker is SIGKILLed while it holds a unit: the
other runs it again, nothing lost, nothing doubled.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench._cluster import cluster
from bench._cluster_store import BRANDS, REVIEWS_PER_SOURCE, SOURCES_PER_BRAND, seed_sources, store_figures
from bench._processes import BIN, wait_for
from tests.crawlers.etag_site import EtagSite, shop_pages

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(900)]

SOURCES = BRANDS * SOURCES_PER_BRAND
REVIEWS = SOURCES * REVIEWS_PER_SOURCE
ENV = {"UMOT_QUANTIZE": "0"}  # fp32: scores independent of batch neighbours, so runs compare exactly


@pytest.fixture
def site() -> Iterator[EtagSite]:
    shop = EtagSite(shop_pages(SOURCES, REVIEWS_PER_SOURCE))
    yield shop
    shop.close()


def _parameters(lease: float, retries: int = 0) -> dict[str, Any]:
    """No retries by default: a source crawled twice would show as two crawl runs."""
    from crawlers.runner import LOCAL_SITE_SETTINGS

    return {"crawl_settings": LOCAL_SITE_SETTINGS, "notify": False, "lease_seconds": lease, "crawl_retries": retries}


def _artifact(cluster_: Any, flow_run_id: Any) -> str:
    with cluster_.client() as client:
        found = [a for a in client.read_artifacts() if a.key == "nightly-summary" and a.flow_run_id == flow_run_id]
    assert found, "the nightly run wrote no artifact"
    return found[0].data


def _comparable(markdown: str) -> str:
    """The report without its start time, its duration and which of equally severe detractors it quotes.

    Equally severe detractors are quoted newest flag first, then by review id:
    both follow the order pages happened to be crawled in, which no run repeats.
    The flags themselves are compared in the store (:func:`_verdicts`).
    """
    markdown = re.sub(r"^# umot nightly run — .*$", "# umot nightly run", markdown, count=1, flags=re.M)
    markdown = re.sub(r" The run took \d+ s\.", "", markdown)
    return re.sub(r"^\d+\. severity .*(\n   _.*)?$", "N. (a detractor)", markdown, flags=re.M)


def _verdicts(database_url: str) -> set[tuple[str, str, str | None, bool, bool]]:
    """(brand, review, label, detractor, flagged) for every review: what the night decided."""
    from sqlalchemy import select

    from models.db import get_engine
    from models.tables import Brand, Flag, Review, Score

    query = (select(Brand.name, Review.external_id, Score.label, Score.detractor, Flag.id)
             .join(Review, Review.brand_id == Brand.id).join(Score, Score.review_id == Review.id)
             .outerjoin(Flag, Flag.review_id == Review.id))
    with get_engine(database_url).connect() as conn:
        return {(b, e, label, bool(d), f is not None) for b, e, label, d, f in conn.execute(query)}


def _crawls_per_source(database_url: str) -> dict[int, int]:
    from sqlalchemy import func, select

    from models.db import get_engine
    from models.tables import CrawlRun

    with get_engine(database_url).connect() as conn:
        return dict(conn.execute(select(CrawlRun.source_id, func.count()).group_by(CrawlRun.source_id)).all())


def _units(database_url: str, kind: str) -> list[Any]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(database_url), write=False) as session:
        return list(session.exec(select(NightShard).where(NightShard.kind == kind)))


def _unit_outcomes(database_url: str, kind: str) -> list[dict[str, Any]]:
    return [row.outcome for row in _units(database_url, kind)]


def _source_ids(database_url: str) -> list[int]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Source

    with session_scope(get_engine(database_url), write=False) as session:
        return list(session.exec(select(Source.id)))


def test_two_workers_share_a_night_exactly_once_and_report_as_one_process(
    site: EtagSite, pg_new_database, tmp_path: Path
) -> None:
    with pg_new_database() as fanned_url, pg_new_database() as single_url:
        seed_sources(fanned_url, site.url)
        with cluster(tmp_path / "cluster", fanned_url, fan_out=3, extra_env=ENV) as shared:
            shared.start_worker("w1")
            shared.start_worker("w2")
            run = shared.run_nightly(_parameters(lease=30))
            logs = shared.worker_log("w1")[-3000:] + shared.worker_log("w2")[-3000:]
            assert run.state.type.value == "COMPLETED", logs
            figures = store_figures(fanned_url)
            assert figures["reviews"] == figures["distinct_reviews"] == REVIEWS
            assert figures["scores"] == figures["scored_reviews"] == REVIEWS
            assert sorted(_crawls_per_source(fanned_url).values()) == [1] * SOURCES  # each source crawled once
            assert sum(o["scored"] for o in _unit_outcomes(fanned_url, "score")) == REVIEWS  # none scored twice
            children = shared.child_runs(run.id)
            assert sorted(r.name for r in children) == [*(f"crawl-shard-{i}" for i in range(3)),
                                                        *(f"score-shard-{i}" for i in range(3))]
            assert all(r.state.type.value == "COMPLETED" for r in children)
            workers = {name for r in children for name in shared.ran_by(r.id)}
            assert workers == {"w1", "w2"}, [(r.name, shared.ran_by(r.id)) for r in children]
            fanned = _artifact(shared, run.id)

            # the same night in one process (umot run) on a second store
            seed_sources(single_url, site.url)
            env = {**shared.env, "UMOT_DATABASE_URL": single_url, "UMOT_DATA_DIR": str(tmp_path / "single")}
            done = subprocess.run([str(BIN / "umot"), "run", "--no-notify", "--retries", "0",
                                   "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0"],
                                  env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            single_run = max(_nightly_runs(shared), key=lambda r: r.created)
            single = _artifact(shared, single_run.id)
        assert _comparable(fanned) == _comparable(single)
        assert store_figures(single_url) == figures
        assert _verdicts(single_url) == _verdicts(fanned_url)


def _nightly_runs(shared: Any) -> list[Any]:
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    with shared.client() as client:
        return client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["nightly"])))


def test_a_worker_killed_while_it_holds_a_unit_is_replaced_and_nothing_is_lost_or_doubled(
    site: EtagSite, pg_new_database, tmp_path: Path
) -> None:
    site.delay = 0.3  # pages one at a time: the crawl units take a few seconds
    with pg_new_database() as url:
        seed_sources(url, site.url)
        with cluster(tmp_path / "cluster", url, fan_out=3, extra_env=ENV) as shared:
            shared.start_worker("w1")
            shared.start_worker("w2")
            with shared.client() as client:
                deployment = client.read_deployment_by_name("nightly/nightly")
                run = client.create_flow_run_from_deployment(deployment.id, parameters=_parameters(lease=15, retries=2))
                parent = wait_for(lambda: (r := client.read_flow_run(run.id)).infrastructure_pid and r, 240,
                                  "the nightly run to start")
            parent_worker = _worker_of(shared, int(str(parent.infrastructure_pid).rsplit(":", 1)[-1]))
            victim = next(name for name in shared.workers if name != parent_worker)
            victim_pid = shared.workers[victim].pid
            held, shard = wait_for(lambda: _unit_held_by(url, victim_pid), 240, f"a crawl unit on {victim}",
                                   every=0.1)
            os.kill(held, signal.SIGKILL)  # the unit's flow run process, with its worker: a machine gone
            os.killpg(victim_pid, signal.SIGKILL)
            shared.workers[victim].wait(30)
            final = wait_for(lambda: (r := _read(shared, run.id)).state.type.value in
                             {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"} and r, 600, "the nightly run")
            assert final.state.type.value == "COMPLETED", shared.worker_log(parent_worker)[-4000:]
        figures = store_figures(url)
        crawled = [(s["source_id"], s["ok"], s["items_new"], s["error_message"])
                   for o in _unit_outcomes(url, "crawl") for s in o.get("sources", [])]
        assert figures["reviews"] == figures["distinct_reviews"] == REVIEWS, crawled
        assert figures["scores"] == figures["scored_reviews"] == REVIEWS
        assert sum(o["scored"] for o in _unit_outcomes(url, "score")) == REVIEWS
        assert sorted(_crawls_per_source(url)) == sorted(_source_ids(url))  # every source crawled
        [unit] = [row for row in _units(url, "crawl") if row.shard == shard]
        assert unit.status == "done" and unit.attempts >= 2 and f":{held}:" not in unit.worker


def _read(shared: Any, flow_run_id: Any) -> Any:
    with shared.client() as client:
        return client.read_flow_run(flow_run_id)


def _parent_pid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _worker_of(shared: Any, pid: int) -> str:
    """The worker whose process started ``pid`` (the process worker runs flows as its children)."""
    seen = pid
    for _ in range(5):
        for name, proc in shared.workers.items():
            if seen == proc.pid:
                return name
        seen = _parent_pid(seen) or 0
    raise AssertionError(f"process {pid} was started by no worker of ours")


def _unit_held_by(url: str, worker_pid: int) -> tuple[int, int] | None:
    """(pid, shard) of a flow run process of ``worker_pid`` holding a running crawl unit, if any."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(url), write=False) as session:
        rows = session.exec(select(NightShard).where(NightShard.kind == "crawl", NightShard.status == "running"))
        for row in rows:
            pid = int((row.worker or "h:0:t").split(":")[1])  # host:pid:token (flows.heartbeat.worker_id)
            seen = pid
            for _ in range(5):
                if seen == worker_pid:
                    return pid, row.shard
                seen = _parent_pid(seen) or 0
    return None
