"""``bench scale``: one night of the 20-source site with 1 and with 2 Prefect workers on PostgreSQL.

Each case gets its own PostgreSQL database (``bench._scratch_postgres``), Prefect
server and work pool (``bench._cluster``), the nightly deployment with
``--fan-out 2`` and the shipped model. Prints the wall time of each night, the reviews stored and
scored (must be equal: exactly once), their ratio, and the unit costs the
capacity model of docs/scaling.md is built from: seconds per source crawled
with nothing new (a second night), crawl seconds per 1,000 new reviews,
scoring CPU-seconds per 1,000 reviews, and store bytes per review.
On a 2-core machine shared by both workers no speed-up is expected.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench._cluster import cluster
from bench._cluster_store import BRANDS, REVIEWS_PER_SOURCE, SOURCES_PER_BRAND, seed_sources, store_figures
from bench._scratch_postgres import NoPostgres, scratch_database, store_bytes

SOURCES = BRANDS * SOURCES_PER_BRAND
FAN_OUT = 2


def _units(url: str) -> dict[str, list[dict[str, Any]]]:
    """The outcomes the night's crawl and score units recorded: the unit costs are read from them."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(url), write=False) as session:
        rows = list(session.exec(select(NightShard)))
    return {kind: [r.outcome for r in rows if r.kind == kind] for kind in ("crawl", "score")}


def _night(shared: Any) -> tuple[float, Any]:
    """One nightly run through the deployment; its wall seconds as Prefect timed it, and the run."""
    from crawlers.runner import LOCAL_SITE_SETTINGS

    run = shared.run_nightly({"crawl_settings": LOCAL_SITE_SETTINGS, "notify": False, "crawl_retries": 0})
    if run.state.type.value != "COMPLETED":
        raise SystemExit(f"the nightly run ended {run.state.type.value}: {run.state.message}")
    return (run.end_time - run.start_time).total_seconds(), run


def one_case(workers: int, site_url: str, root: Path) -> dict[str, Any]:
    """A night with ``workers`` workers (1: limit 3, parent + both units; 2: limit 2 each)."""
    with scratch_database() as url:
        seed_sources(url, site_url)
        with cluster(root, url, fan_out=FAN_OUT, pool=f"umot-bench-{workers}") as shared:
            for n in range(workers):
                shared.start_worker(f"w{n + 1}", limit=3 if workers == 1 else 2)
            wall, _ = _night(shared)
            figures = store_figures(url)
            units = _units(url)
            quiet_wall, _ = _night(shared)  # nothing new: 304s and no scoring
            quiet_units = _units(url)
            byte_count = store_bytes(url)
    crawl_seconds = sum(u.get("seconds", 0.0) for u in units["crawl"])
    quiet_crawl = sum(u.get("seconds", 0.0) for u in quiet_units["crawl"]) - crawl_seconds
    score_cpu = sum(u.get("cpu_seconds", 0.0) for u in units["score"])
    return {
        "workers": workers, "wall_s": round(wall, 2), "quiet_wall_s": round(quiet_wall, 2),
        "reviews_stored": figures["reviews"], "reviews_scored": figures["scored_reviews"],
        "scores": figures["scores"], "crawl_runs": figures["crawl_runs"],
        "crawl_s_per_1000_new": round(crawl_seconds / max(1, figures["reviews"]) * 1000, 2),
        "crawl_s_per_source_nothing_new": round(quiet_crawl / SOURCES, 3),
        "score_cpu_s_per_1000": round(score_cpu / max(1, figures["scored_reviews"]) * 1000, 2),
        "store_bytes_per_review": round(byte_count / max(1, figures["reviews"])),
    }


def main() -> dict[str, Any]:
    from tests.crawlers.etag_site import EtagSite, shop_pages

    site = EtagSite(shop_pages(SOURCES, REVIEWS_PER_SOURCE))
    try:
        with tempfile.TemporaryDirectory(prefix="umot-bench-scale-") as tmp:
            cases = [one_case(n, site.url, Path(tmp) / f"{n}-workers") for n in (1, 2)]
    except NoPostgres as exc:
        print(f"skipped: {exc}")
        return {"skipped": str(exc)}
    finally:
        site.close()
    one, two = cases
    exactly_once = all(c["reviews_stored"] == c["reviews_scored"] == c["scores"] == SOURCES * REVIEWS_PER_SOURCE
                       for c in cases)
    ratio = round(one["wall_s"] / two["wall_s"], 2) if two["wall_s"] else None
    print(f"{'workers':>7} {'wall s':>7} {'stored':>6} {'scored':>6} {'no-change s':>11}")
    for c in cases:
        print(f"{c['workers']:>7} {c['wall_s']:>7} {c['reviews_stored']:>6} {c['reviews_scored']:>6} "
              f"{c['quiet_wall_s']:>11}")
    print(f"speed-up 1 -> 2 workers: {ratio}x; exactly once: {exactly_once}")
    return {"sources": SOURCES, "reviews": SOURCES * REVIEWS_PER_SOURCE, "fan_out": FAN_OUT, "cases": cases,
            "speedup_2_workers": ratio, "exactly_once": exactly_once, "targets_met": exactly_once}
