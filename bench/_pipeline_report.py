"""The pipeline benchmark's report: its stage table and its verdict against the targets.

Apart from ``bench.pipeline``, which runs the sizes, so that what is measured and how
it is judged can be read (and tested) without a demo site or a Prefect API.
"""

from __future__ import annotations

from typing import Any

from bench._pipeline_stages import rate

STORE_TARGET = 20_000  # rows/s
RERUN_SHARE_MAX = 0.10
LINEAR_SLACK = 1.25


def print_stage_table(sizes: dict[str, dict[str, Any]]) -> None:
    """One row per stage, one column (seconds, rows, rows/s) per site size."""
    print(f"{'stage':<22}" + "".join(f"{n + ' reviews':>28}" for n in sizes))
    rows = [("crawl (Scrapy, JSONL)", lambda f: f["crawl"]), ("store (bulk upsert)", lambda f: f["store"])]
    for stage in ("crawl+ingest", "score+flag", "themes", "summary+report"):
        rows.append((f"nightly: {stage}", lambda f, s=stage: f["nightly_first"]["stages"][s]))
    rows += [("nightly: whole run", lambda f: {**f["nightly_first"], "rows": f["nightly_first"]["new_reviews"]}),
             ("export (last week)", lambda f: f["export"]),
             ("rerun, nothing new", lambda f: {**f["nightly_rerun"], "rows": 0})]
    for name, pick in rows:
        cells = []
        for figures in sizes.values():
            stage = pick(figures)
            stage_rate = rate(stage["rows"], stage["seconds"])
            cells.append(f"{stage['seconds']:>9.2f} s {stage['rows']:>6} {stage_rate:>9.0f}/s")
        print(f"{name:<22}" + "".join(f"{c:>28}" for c in cells))


def judge_targets(sizes: dict[str, dict[str, Any]], counts: tuple[int, ...]) -> dict[str, Any]:
    """Print the verdict on the smallest and largest of ``counts`` (review counts, the keys of
    ``sizes``); the benchmark's figures, ``targets_met`` among them."""
    small, large = sizes[str(counts[0])], sizes[str(counts[-1])]
    factor = counts[-1] / counts[0]
    linear_ratio = large["nightly_first"]["seconds"] / small["nightly_first"]["seconds"]
    store_ok = large["store"]["rows_per_s"] >= STORE_TARGET  # "in bulk": the 5k batch; 1k pays fixed costs
    marginal_ms = 1000 * (large["nightly_first"]["seconds"] - small["nightly_first"]["seconds"]) / (counts[-1] - counts[0])
    rerun_ok = large["rerun_share"] < RERUN_SHARE_MAX  # the site: 5,000 reviews (1k: printed)
    linear_ok = linear_ratio <= factor * LINEAR_SLACK
    print(f"marginal cost of a new review (nightly run): {marginal_ms:.1f} ms")
    print("store, rows/s of CPU time: " + ", ".join(str(f["store"]["cpu_rows_per_s"]) for f in sizes.values()))
    print(f"store >= {STORE_TARGET} rows/s: {store_ok}; rerun < {RERUN_SHARE_MAX:.0%} of first run at "
          f"{counts[-1]}: {rerun_ok} ({large['rerun_share']}; at {counts[0]}: {small['rerun_share']}); "
          f"{counts[-1]}/{counts[0]} run time {linear_ratio:.2f} (linear <= {factor * LINEAR_SLACK:g}): {linear_ok}")
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
