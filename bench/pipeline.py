"""Pipeline benchmark: the nightly run on a generated local demo site of 1,000 and 5,000 reviews.

For each size, on a fresh store:

- **crawl**: Scrapy over the demo site to JSONL (no store), one crawl per brand;
- **store**: those rows into a fresh store in bulk (``models.crud.upsert_reviews``,
  the function the crawl's StorePipeline commits its batches with), three times (median);
- **nightly**: the real nightly flow on another fresh store: crawl + ingest,
  score + flag (model loaded once), themes and stages, summary + report; split by stage;
- **export**: the last complete week's CSVs and chart (``reporting``);
- **rerun**: the nightly flow again with nothing new, three times (the median counts).

Targets: store >= 20k rows/s (the 5k bulk); the no-change rerun < 10% of the
first run on the 5,000-review site (the 1k share is printed: its first run is
short, so the rerun's fixed cost weighs more); cost linear in new reviews (the
5k run costs at most 1.25 x five times the 1k run; the marginal ms per review is
printed too).
One temporary Prefect API serves every run, started before timing. The CPU is
shared: figures are wall-clock. ``python -m bench pipeline``.

The stages are timed by ``bench._pipeline_stages`` and ``bench._nightly_run``; the
table and the verdict are ``bench._pipeline_report``'s.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from bench._nightly_run import register_sources, timed_nightly, use_store
from bench._pipeline_report import judge_targets, print_stage_table
from bench._pipeline_stages import crawl_to_jsonl, export_week, store_rows

SIZES = (1_000, 5_000)
RERUNS = 3  # no-change reruns per size; their median is the figure
STORE_REPEATS = 3  # bulk stores of the crawled rows per size, each into a fresh file; the median counts


def bench_size(n: int, work: Path) -> dict[str, Any]:
    """One site size's figures, each stage on a fresh store; medians where one busy moment could decide."""
    from umot.demo import start_demo_site

    folder = work / str(n)
    folder.mkdir()
    with start_demo_site(n_reviews=n, seed=1) as site:
        crawl, rows = crawl_to_jsonl(site, folder)
        # the median of three fresh stores: one bulk upsert of 5k rows takes ~0.2 s, so one
        # busy moment of this shared machine would otherwise decide the figure
        stores = []
        for k in range(STORE_REPEATS):
            use_store(folder / f"store-{k}.db")
            stores.append(store_rows(rows))
        store = sorted(stores, key=lambda fig: fig["rows_per_s"])[STORE_REPEATS // 2]
        store["each_rows_per_s"] = [fig["rows_per_s"] for fig in stores]
        use_store(folder / "nightly.db")
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


def main() -> dict[str, Any]:
    """Every size against one temporary Prefect API, started first so that no run pays for it."""
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
    print_stage_table(sizes)
    return judge_targets(sizes, SIZES)


if __name__ == "__main__":
    main()
