"""Scoring speed: transformers ``pipeline`` on the full model vs ``umot score``'s default, same reviews.

One run measures, each variant in its own fresh process (so peak memory is its
own): the ``pipeline("text-classification")`` at its default batch size on the
full float32 model (what issue #19 compares with), then the umot scorer in
float32 and int8 on PyTorch and ONNX Runtime on the model under test (the
shipped default: the distilled fast model) and on the full model, on the first
1,000 MARC dev reviews. It also prints the issue's accuracy rows for the full
and fast models, from the training run's summary (``bench/_model_table.py``). Reports reviews/s, CPU seconds,
peak RSS, 5-star / polarity accuracy and the machine's load average per
variant, the speed ratio of the shipped scorer, and the CPU model (the ratio
depends on it).

``python -m bench score`` (model: UMOT_BENCH_MODEL, UMOT_MODEL or the shipped one;
reviews: UMOT_BENCH_N, default 1000; UMOT_BENCH_ROUNDS, default 1: with more,
the variants run again in turn and each keeps its best round, so a burst of
load from other jobs does not decide the ratio; UMOT_BENCH_VARIANTS: a
comma-separated subset). A full run on the shipped model writes its table
into nlp/MODEL_CARD.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bench._score_card import cpu_name, write_card_table
from bench._score_process import run_variant
from bench._score_variants import CARD, ON_FULL_MODEL, SHIPPED, TARGET_RATIO, VARIANTS, BenchSettings


def main() -> dict:
    from bench._model_table import issue_rows, print_rows
    from core.settings import get_settings
    from nlp.loading import DEFAULT_MODEL_DIR, FULL_MODEL_DIR, SHIPPED_MODELS
    from nlp.model_source import shipped_model

    bench = BenchSettings()
    if not bench.data.exists():  # a fresh clone: no ../shared/data (UMOT_BENCH_DATA names another file)
        skipped = f"{bench.data} not found: the scoring benchmark needs the MARC dev reviews"
        print(f"skipped: {skipped}")
        return {"skipped": skipped}
    model_dir = bench.model or get_settings().model or str(DEFAULT_MODEL_DIR)
    model_dir = str(shipped_model(model_dir) or model_dir)  # "Fast", " full ": as load_scorer reads them
    # the issue compares `umot score` (the fast model by default) with the pipeline on the full model
    full_dir = str(FULL_MODEL_DIR) if Path(model_dir).resolve() in SHIPPED_MODELS.values() else model_dir
    n = bench.n
    rounds = max(1, bench.rounds)
    wanted = [v.strip() for v in bench.variants.split(",") if v.strip()]
    names = [name for name, _ in VARIANTS if not wanted or name in wanted]
    samples: dict[str, list[dict]] = {name: [] for name in names}
    for k in range(rounds):
        for name in names if k % 2 == 0 else names[::-1]:  # alternate the order: no variant always runs last
            r = run_variant(name, full_dir if name in ON_FULL_MODEL else model_dir, n)
            samples[name].append(r)
            print(f"{name:16s} {r['reviews_per_s']:8.1f} reviews/s  cpu {r['cpu_s']:6.2f} s  peak {r['peak_rss_mb']:.0f} MB  "
                  f"exact {r['exact']:.3f}  polarity {r['polarity_acc']:.3f}  load {r['load_avg_1min']:.2f}", flush=True)
    results = [max(samples[name], key=lambda r: r["reviews_per_s"]) for name in names]
    by = {r["variant"]: r for r in results}
    figures: dict = {"model": model_dir, "pipeline_model": full_dir, "cpu": cpu_name(), "cores": os.cpu_count(),
                     "rounds": rounds, "variants": results}
    ratio = None
    if "pipeline" in by and SHIPPED in by:
        ratio = by[SHIPPED]["reviews_per_s"] / by["pipeline"]["reviews_per_s"]
        unopt_drop = by["pipeline"]["exact"] - by[SHIPPED]["exact"]
        polarity_drop = by["pipeline"]["polarity_acc"] - by[SHIPPED]["polarity_acc"]
        print(f"ratio ({SHIPPED} / pipeline): {ratio:.1f}x; exact vs unoptimised pipeline {-unopt_drop:+.3f}, "
              f"polarity {-polarity_drop:+.3f}")
        figures.update({
            "ratio": round(ratio, 2), "exact_drop_vs_pipeline": round(unopt_drop, 4),
            "polarity_drop_vs_pipeline": round(polarity_drop, 4),
            "targets_met": ratio >= TARGET_RATIO,
        })
    per_core = None
    if "pipeline-1thread" in by and "onnx-int8-1core" in by:
        per_core = by["onnx-int8-1core"]["reviews_per_s"] / by["pipeline-1thread"]["reviews_per_s"]
        print(f"one core each (onnx-int8-1core / pipeline-1thread): {per_core:.1f}x")
    full = not wanted and n == 1000
    if full and ratio is not None and Path(model_dir).resolve() == DEFAULT_MODEL_DIR and CARD.exists():
        write_card_table(results, ratio, rounds, per_core, figures["cpu"])
    if per_core is not None:
        figures["ratio_one_core_each"] = round(per_core, 2)
    if "onnx-fp32" in by and SHIPPED in by:
        figures["int8_exact_drop"] = round(by["onnx-fp32"]["exact"] - by[SHIPPED]["exact"], 4)
    if rounds > 1:
        figures["all_rounds"] = samples
    figures["accuracy"] = issue_rows(Path(full_dir))
    print_rows(figures["accuracy"])
    if "targets_met" in figures:  # the accuracy bar: the issue's (fast within 1 point), else 1 point of exact here
        within = figures["accuracy"].get("fast_within_1_point")
        figures["targets_met"] &= within if within is not None else figures["exact_drop_vs_pipeline"] <= 0.01
        print(f"target: {SHIPPED} >= {TARGET_RATIO:g}x the pipeline's speed, accuracy within 1 point -> "
              f"{'met' if figures['targets_met'] else 'NOT met'}")
    return figures


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
