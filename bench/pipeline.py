"""Pipeline benchmark: the nightly run on a generated local demo site of 1,000 and 5,000 reviews.

For each size, on a fresh store:

- **crawl**: Scrapy over the demo site to JSONL (no store), one crawl per brand;
- **store**: those rows into a fresh store in bulk (``models.crud.upsert_reviews``,
  the function the crawl's StorePipeline commits its batches with), three times (median);
- **nightly**: the real nightly flow on another fresh store: crawl + ingest,
  score + flag (model loaded once), summary, report; split by stage;
- **export**: the last complete week's CSVs and chart (``reporting``);
- **rerun**: the nightly flow again with nothing new, three times (the median counts).

Targets: store >= 20k rows/s (the 5k bulk); the no-change rerun < 10% of the
first run on the 5,000-review site (the 1k share is printed: its first run is
short, so the rerun's fixed cost weighs more); cost linear in new reviews (the
5k run costs at most 1.25 x five times the 1k run; the marginal ms per review is
printed too).
One temporary Prefect API serves every run, started before timing. The CPU is
shared: figures are wall-clock. ``python -m bench pipeline``.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (1_000, 5_000)
RERUNS = 3  # no-change reruns per size; their median is the figure
STORE_REPEATS = 3  # bulk stores of the crawled rows per size, each into a fresh file; the median counts
STORE_TARGET = 20_000  # rows/s
RERUN_SHARE_MAX = 0.10
LINEAR_SLACK = 1.25
SOURCE = "bench-site"


def _rate(rows: int, seconds: float) -> float:
    return round(rows / seconds, 1) if seconds > 0 else 0.0


def _stage(seconds: float, rows: int) -> dict[str, float]:
    return {"seconds": round(seconds, 2), "rows": rows, "rows_per_s": _rate(rows, seconds)}


def _use_store(path: Path) -> str:
    from models.db import init_db

    url = f"sqlite:///{path}"
    os.environ["UMOT_DATABASE_URL"] = url
    init_db(url)
    return url


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
    return _stage(time.perf_counter() - start, sum(len(r) for r in rows.values())), rows


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
    figures = _stage(time.perf_counter() - start, new)
    figures["cpu_rows_per_s"] = _rate(new, time.process_time() - cpu)  # one free core; the CPU is shared
    return figures


def register_sources(site: Any) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        for brand in site.brands:
            crud.add_source(session, brand=brand.name, name=SOURCE, urls=[brand.url])


def timed_nightly(site: Any) -> tuple[Any, dict[str, Any]]:
    """One nightly flow run, with its stages timed from the flow's progress events."""
    from flows import progress
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings

    marks: list[tuple[float, str]] = []
    start = time.perf_counter()
    with progress.listening(lambda e: marks.append((time.perf_counter(), e.stage))), local_run_settings():
        result = nightly(source=SOURCE, crawl_settings=site.crawl_settings, crawl_retries=0, notify=False)
    total = time.perf_counter() - start
    crawl_end = max((t for t, stage in marks if stage == "crawl"), default=start)
    score_end = min((t for t, stage in marks if stage == "summarise"), default=crawl_end)
    stages = {
        "crawl+ingest": _stage(crawl_end - start, result.new_reviews),
        "score+flag": _stage(score_end - crawl_end, result.scored),
        "summary+report": _stage(start + total - score_end, len(result.brands)),
    }
    return result, {"seconds": round(total, 2), "new_reviews": result.new_reviews, "scored": result.scored,
                    "detractors": result.detractors, "stages": stages}


def export_week(folder: Path) -> dict[str, float]:
    """The last complete week's CSVs and chart (the weekly job's default; the demo's reviews span weeks)."""
    from models.db import get_engine
    from reporting import write_weekly_export

    start = time.perf_counter()
    paths = write_weekly_export(get_engine(), out_dir=folder)
    seconds = time.perf_counter() - start
    rows = sum(max(0, len(p.read_text(encoding="utf-8").splitlines()) - 1)
               for p in paths if p.name.startswith("detractors-"))
    return _stage(seconds, rows)


def bench_size(n: int, work: Path) -> dict[str, Any]:
    from umot.demo import start_demo_site

    folder = work / str(n)
    folder.mkdir()
    with start_demo_site(n_reviews=n, seed=1) as site:
        crawl, rows = crawl_to_jsonl(site, folder)
        # the median of three fresh stores: one bulk upsert of 5k rows takes ~0.2 s, so one
        # busy moment of this shared machine would otherwise decide the figure
        stores = []
        for k in range(STORE_REPEATS):
            _use_store(folder / f"store-{k}.db")
            stores.append(store_rows(rows))
        store = sorted(stores, key=lambda fig: fig["rows_per_s"])[STORE_REPEATS // 2]
        store["each_rows_per_s"] = [fig["rows_per_s"] for fig in stores]
        _use_store(folder / "nightly.db")
        register_sources(site)
        first, first_fig = timed_nightly(site)
        export = export_week(folder / "exports")
        reruns = [timed_nightly(site) for _ in range(RERUNS)]
    for second, _ in reruns:
        if second.new_reviews or second.scored:
            raise RuntimeError(f"the rerun found {second.new_reviews} new reviews and scored {second.scored}")
    # the median of a few reruns: one rerun takes ~1 s, so one busy second of this
    # shared machine would otherwise decide the figure
    rerun_fig = sorted((fig for _, fig in reruns), key=lambda fig: fig["seconds"])[RERUNS // 2]
    rerun_fig["each_seconds"] = [fig["seconds"] for _, fig in reruns]
    return {
        "reviews_on_site": site.n_reviews,
        "crawl": crawl,
        "store": store,
        "nightly_first": first_fig,
        "export": export,
        "nightly_rerun": rerun_fig,
        "rerun_share": round(rerun_fig["seconds"] / first_fig["seconds"], 3),
        "model_version": first.model_version,
    }


def _print(sizes: dict[str, dict[str, Any]]) -> None:
    print(f"{'stage':<22}" + "".join(f"{n + ' reviews':>28}" for n in sizes))
    rows = [("crawl (Scrapy, JSONL)", lambda f: f["crawl"]), ("store (bulk upsert)", lambda f: f["store"])]
    for stage in ("crawl+ingest", "score+flag", "summary+report"):
        rows.append((f"nightly: {stage}", lambda f, s=stage: f["nightly_first"]["stages"][s]))
    rows += [("nightly: whole run", lambda f: {**f["nightly_first"], "rows": f["nightly_first"]["new_reviews"]}),
             ("export (last week)", lambda f: f["export"]),
             ("rerun, nothing new", lambda f: {**f["nightly_rerun"], "rows": 0})]
    for name, pick in rows:
        cells = []
        for figures in sizes.values():
            stage = pick(figures)
            rate = _rate(stage["rows"], stage["seconds"])
            cells.append(f"{stage['seconds']:>9.2f} s {stage['rows']:>6} {rate:>9.0f}/s")
        print(f"{name:<22}" + "".join(f"{c:>28}" for c in cells))


def main() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="umot-bench-pipeline-") as tmp:
        work = Path(tmp)
        os.environ.update(UMOT_DATA_DIR=str(work / "data"), UMOT_CONFIG=str(work / "umot.toml"))
        os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "ERROR")
        from flows.prefect_env import configure_prefect

        configure_prefect(work / "data")
        from prefect import flow

        flow(name="bench-warm-up")(lambda: None)()  # start the temporary Prefect API before timing
        sizes = {str(n): bench_size(n, work) for n in SIZES}
    _print(sizes)
    small, large = sizes[str(SIZES[0])], sizes[str(SIZES[-1])]
    factor = SIZES[-1] / SIZES[0]
    linear_ratio = large["nightly_first"]["seconds"] / small["nightly_first"]["seconds"]
    store_ok = large["store"]["rows_per_s"] >= STORE_TARGET  # "in bulk": the 5k batch; 1k pays fixed costs
    marginal_ms = 1000 * (large["nightly_first"]["seconds"] - small["nightly_first"]["seconds"]) / (SIZES[-1] - SIZES[0])
    rerun_ok = large["rerun_share"] < RERUN_SHARE_MAX  # the site: 5,000 reviews (1k: printed)
    linear_ok = linear_ratio <= factor * LINEAR_SLACK
    print(f"marginal cost of a new review (nightly run): {marginal_ms:.1f} ms")
    print("store, rows/s of CPU time: " + ", ".join(str(f["store"]["cpu_rows_per_s"]) for f in sizes.values()))
    print(f"store >= {STORE_TARGET} rows/s: {store_ok}; rerun < {RERUN_SHARE_MAX:.0%} of first run at "
          f"{SIZES[-1]}: {rerun_ok} ({large['rerun_share']}; at {SIZES[0]}: {small['rerun_share']}); "
          f"{SIZES[-1]}/{SIZES[0]} run time {linear_ratio:.2f} (linear <= {factor * LINEAR_SLACK:g}): {linear_ok}")
    return {
        "sizes": sizes,
        "linear_ratio": round(linear_ratio, 2),
        "marginal_ms_per_review": round(marginal_ms, 2),
        "targets": {"store_rows_per_s": STORE_TARGET, "rerun_share_max": RERUN_SHARE_MAX,
                    "linear_ratio_max": factor * LINEAR_SLACK},
        "store_ok": store_ok,
        "rerun_ok": rerun_ok,
        "linear_ok": linear_ok,
        "targets_met": store_ok and rerun_ok and linear_ok,
    }


if __name__ == "__main__":
    main()
