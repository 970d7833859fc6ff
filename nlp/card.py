"""The model card: a training run's typed summary (``nlp.summary``) rendered through ``card_template.md.j2``.

The template holds the prose; this module only prepares the tables it needs
(one per evaluation set, full and fast model side by side) and keeps the speed
section that ``bench/score.py`` measures between the ``<!-- bench:score -->``
markers, so retraining does not erase it.
"""

from __future__ import annotations

import math
from pathlib import Path

import jinja2

from nlp.summary import TrainingSummary

TEMPLATE = Path(__file__).resolve().parent / "card_template.md.j2"
SHIPPED_DIR = Path(__file__).resolve().parent / "model"
BENCH_START, BENCH_END = "<!-- bench:score -->", "<!-- /bench:score -->"
# (metric key, title, target) per evaluation set; targets from issue #19
METRICS: dict[str, list[tuple[str, str, float | None]]] = {
    "stars": [("exact", "5-star exact accuracy", 0.55), ("polarity_bal_acc", "polarity balanced accuracy (neutral = miss)", 0.91),
              ("detractor_f1", "detractor F1 (text only vs 1-2★)", 0.83), ("detractor_precision", "detractor precision", None),
              ("detractor_recall", "detractor recall", None), ("mae_stars", "mean absolute error of expected stars", None)],
    "three": [("macro_recall", "macro-averaged recall, 3 classes", 0.70), ("accuracy_3", "accuracy, 3 classes", None)],
    "binary": [("accuracy", "accuracy (p_positive vs p_negative)", None)],
    "sst2": [("sst2_acc", "accuracy (p_positive vs p_negative)", 0.88), ("sst2_acc_3way", "accuracy, neutral counted as a miss", None)],
}
DEV_SETS = [  # (title, metric family, key prefix in the evaluation dict, count key)
    ("`marc_en_dev`: MARC English test split (Amazon reviews, 1,000 per star)", "stars", "", "marc_n"),
    ("`tweets_semeval2017_test`: SemEval-2017 Task 4A test tweets", "three", "tweets_", "tweets_n"),
    ("`sst2_dev`: SST-2 validation (movie-review sentences)", "sst2", "", "sst2_n"),
]
GROUP_TARGETS = {"app reviews": {"polarity_bal_acc": 0.90, "detractor_f1": 0.85}}


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(title: str, family: str, columns: list[tuple[str, dict]], prefix: str = "", targets: dict | None = None) -> dict:
    """One evaluation set: rows of (metric, target, value per model) for the metrics measured."""
    rows = []
    for key, name, target in METRICS[family]:
        values = [figures.get(prefix + key) for _, figures in columns]
        if all(v is None for v in values):
            continue
        target = (targets or {}).get(key, target if targets is None else None)
        rows.append({"metric": name, "target": f"≥ {target:.2f}" if target else "", "cells": [_fmt(v) for v in values]})
    return {"title": title, "models": [role for role, _ in columns], "rows": rows}


def evaluation_tables(summary: TrainingSummary) -> list[dict]:
    """Dev/test sets first (reported, never used to choose), then the held-out splits of the training files."""
    tables = []
    for title, family, prefix, count in DEV_SETS:
        columns = [(m.role, m.evaluation) for m in summary.models if m.evaluation.get(count)]
        if columns:
            n = columns[0][1][count]
            tables.append(_table(f"{title}, {n:,} texts", family, columns, prefix if family != "stars" else ""))
    first = summary.models[0] if summary.models else None
    for name, figures in (first.heldout.items() if first else []):
        columns = [(m.role, m.heldout.get(name, {})) for m in summary.models]
        family = "stars" if figures.get("scheme") in ("stars", "five") else figures.get("scheme", "binary")
        what = f"held-out split of the {', '.join(figures['files'])} files" if "files" in figures else "held-out split"
        tables.append(_table(f"{name} ({what}, {figures.get('n', 0):,} texts)", family, columns,
                             targets=GROUP_TARGETS.get(name, {})))
    return tables


def bench_section(card: Path | None, placeholder: str | None = None) -> str:
    """The speed section of an existing card, or ``placeholder`` (default: a pointer to the bench)."""
    if card is not None and card.exists():
        text = card.read_text()
        if BENCH_START in text and BENCH_END in text:
            return text[text.index(BENCH_START) : text.index(BENCH_END) + len(BENCH_END)]
    placeholder = placeholder or "Not measured yet: run `make bench` (or `python -m bench score`)."
    return f"{BENCH_START}\n{placeholder}\n{BENCH_END}"


def is_shipped(summary: TrainingSummary) -> bool:
    """True when the run wrote the repository's default model (`make model`)."""
    return any(Path(m.directory).resolve() == SHIPPED_DIR for m in summary.models)


def model_option(directory: str | Path) -> str:
    """``directory`` as ``--model`` takes it: ``fast`` and ``full`` name the shipped models even beside a folder
    of that name (:func:`nlp.model_source.shipped_model`), so a folder so named is written ``./full``."""
    from nlp.model_source import shipped_model

    return f"./{directory}" if shipped_model(str(directory)) is not None else str(directory)


def render_card(summary: TrainingSummary, bench: str | None = None) -> str:
    """The card's Markdown; ``bench`` is the speed section (markers included)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["model_option"] = model_option
    shipped = is_shipped(summary)
    placeholder = None if shipped else (
        "Not measured for this model: speed depends on the network's depth and the token cut, not on the "
        "trained weights, so the Speed section of umot's `nlp/MODEL_CARD.md` applies to a model of the same depth.")
    return env.get_template(TEMPLATE.name).render(
        s=summary, shipped=shipped, full=summary.model("full"), fast=summary.model("fast"),
        known=[d for d in summary.datasets if d.title], own=[d for d in summary.datasets if not d.title],
        tables=evaluation_tables(summary), bench=bench or bench_section(None, placeholder))


def write_card(card: Path, summary: TrainingSummary) -> None:
    """Render ``summary`` into ``card``, keeping the speed section a bench run wrote there."""
    existing = bench_section(card) if card.exists() and BENCH_START in card.read_text() else None
    card.parent.mkdir(parents=True, exist_ok=True)
    card.write_text(render_card(summary, existing))
