"""The scoring benchmark's table in the model card, tagged with the CPU it ran on."""

from __future__ import annotations

import os
from pathlib import Path

from bench._score_variants import CARD, SHIPPED, TARGET_RATIO, VARIANTS


def cpu_name(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """The CPU's model name: the ratio depends on it (fp32 batch-of-one and int8 kernels scale
    differently from one x86 generation to the next), so every figure is tagged with it."""
    try:
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine() or "unknown CPU"


def card_table(results: list[dict], ratio: float, rounds: int, per_core: float | None = None,
               cpu: str | None = None) -> str:
    """The markdown the card shows: one row per variant, then the ratio (and the one-core ratio)."""
    best = "; each variant's best of " + f"{rounds} rounds" if rounds > 1 else ""
    lines = [
        f"Measured by `python -m bench score` on this machine ({cpu or cpu_name()}, {os.cpu_count()} CPU cores, "
        "shared), first "
        f"{results[0]['reviews']} MARC dev reviews, each variant in a fresh process{best}. "
        "Load: the 1-minute load average when the variant started timing. The pipeline and the "
        "`--model full` row run the full model; the other umot rows the model under test (`umot score`'s default).",
        "",
        "| variant | reviews/s | CPU s | peak RSS (MB) | 5-star exact | polarity acc (1-2 vs 4-5) | load |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    desc = dict(VARIANTS)
    for r in results:
        lines.append(f"| {desc[r['variant']]} | {r['reviews_per_s']} | {r['cpu_s']} | {r['peak_rss_mb']:.0f} | "
                     f"{r['exact']:.3f} | {r['polarity_acc']:.3f} | {r['load_avg_1min']:.2f} |")
    lines += ["", f"`umot score` as shipped ({SHIPPED}) vs pipeline: **{ratio:.1f}x** the reviews/s "
              f"(target ≥ {TARGET_RATIO:g}x). The CPU is shared with other jobs and the one-review-at-a-time "
              "pipeline suffers most from contention, so the ratio moves with the load: the fair figure "
              "is a quiet machine's. It also moves with the CPU model: runs at other loads and on other "
              "build hosts are in [`nlp/EXPERIMENTS.md`](EXPERIMENTS.md)."]
    if per_core is not None:
        lines += ["", f"One core each (ONNX int8, one batch at a time / pipeline on one thread): **{per_core:.1f}x**."]
    return "\n".join(lines)


def write_card_table(results: list[dict], ratio: float, rounds: int, per_core: float | None, cpu: str) -> None:
    """Replace the card's bench section (between its markers) with this run's table."""
    from nlp.card import BENCH_END, BENCH_START

    text = CARD.read_text()
    if BENCH_START in text and BENCH_END in text:
        head, rest = text.split(BENCH_START, 1)
        tail = rest.split(BENCH_END, 1)[1]
        CARD.write_text(f"{head}{BENCH_START}\n{card_table(results, ratio, rounds, per_core, cpu)}\n{BENCH_END}{tail}")
