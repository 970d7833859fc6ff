"""The pipeline benchmark's stages outside the nightly flow, each timed: crawl to JSONL,
bulk store, weekly export; and the figures every timed stage reports (seconds, rows, rows/s).

Kept apart from ``bench.pipeline`` so that its runner reads as the benchmark's plan,
and from ``bench._nightly_run`` (which ``bench shortcuts`` shares) because these stages
only the pipeline benchmark times.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any


def rate(rows: int, seconds: float) -> float:
    """Rows per second, 0.0 for a stage too fast to time (no division by zero)."""
    return round(rows / seconds, 1) if seconds > 0 else 0.0


def stage_figures(seconds: float, rows: int) -> dict[str, float]:
    """One stage's figures as the JSON and the table show them."""
    return {"seconds": round(seconds, 2), "rows": rows, "rows_per_s": rate(rows, seconds)}


def crawl_to_jsonl(site: Any, folder: Path) -> tuple[dict[str, float], dict[str, list[dict]]]:
    """Scrapy only: every brand's pages to JSONL, timed."""
    from crawlers.runner import run_crawl

    rows: dict[str, list[dict]] = {}
    start = time.perf_counter()
    for brand in site.brands:
        out = folder / f"{brand.slug}.jsonl"
        # its own HTTP cache: the nightly run's first crawl must not find these pages kept
        settings = {**site.crawl_settings, "HTTPCACHE_DIR": str(folder / "jsonl-httpcache")}
        result = run_crawl("schemaorg", [brand.url], brand=brand.name, output=out, settings=settings)
        if not result.ok:
            raise RuntimeError(f"bench crawl of {brand.url} failed: {result.error_message}")
        rows[brand.name] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    return stage_figures(time.perf_counter() - start, sum(len(r) for r in rows.values())), rows


def store_rows(rows: dict[str, list[dict]]) -> dict[str, float]:
    """The crawled rows into a fresh store, one bulk upsert per brand, timed."""
    from models import crud
    from models.db import get_engine, session_scope

    start, cpu = time.perf_counter(), time.process_time()
    new = 0
    with session_scope(get_engine()) as session:
        for brand, brand_rows in rows.items():
            brand_id = crud.get_or_create_brand(session, brand).id
            new += crud.upsert_reviews(session, brand_rows, brand_id=brand_id).new
    figures = stage_figures(time.perf_counter() - start, new)
    figures["cpu_rows_per_s"] = rate(new, time.process_time() - cpu)  # one free core; the CPU is shared
    return figures


def export_week(folder: Path) -> dict[str, float]:
    """The last complete week's CSVs and chart (the weekly job's default; the demo's reviews span weeks)."""
    from models.db import get_engine
    from reporting import write_weekly_export

    start = time.perf_counter()
    paths = write_weekly_export(get_engine(), out_dir=folder)
    seconds = time.perf_counter() - start
    rows = sum(max(0, len(p.read_text(encoding="utf-8").splitlines()) - 1)
               for p in paths if p.name.startswith("detractors-"))
    return stage_figures(seconds, rows)
