"""The accuracy rows of issue #19's table for the shipped full and fast models, from their training summary.

The figures are measured once by the training run (`make model`: ONNX int8 as
`umot score` runs it) and stored in ``nlp/model/training_summary.json``; the
speed bench prints them next to its ratio instead of re-scoring 20,000 texts.
"""

from __future__ import annotations

from pathlib import Path

# (label, where: "dev" evaluation or a held-out group, metric key, target)
ROWS = [
    ("marc_en_dev exact", "dev", "exact", 0.55),
    ("marc_en_dev polarity bal. acc.", "dev", "polarity_bal_acc", 0.91),
    ("marc_en_dev detractor F1", "dev", "detractor_f1", 0.83),
    ("tweets_semeval2017_test macro recall", "dev", "tweets_macro_recall", 0.70),
    ("sst2_dev accuracy", "dev", "sst2_acc", 0.88),
    ("app reviews held-out polarity bal. acc.", "app reviews", "polarity_bal_acc", 0.90),
    ("app reviews held-out detractor F1", "app reviews", "detractor_f1", 0.85),
]
# the fast model ships as the default only within this of the full model on these figures
FAST_GAP = {"polarity_bal_acc": 0.01, "tweets_macro_recall": 0.01}


def issue_rows(summary_dir: Path) -> dict:
    """{"rows": [...], "fast_within_1_point": bool | None}; empty when the summary is missing."""
    from nlp.summary import SUMMARY_FILE, TrainingSummary

    if not (summary_dir / SUMMARY_FILE).exists():
        return {}
    summary = TrainingSummary.load(summary_dir)
    rows = []
    for label, where, key, target in ROWS:
        row = {"figure": label, "target": target}
        for m in summary.models:
            source = m.evaluation if where == "dev" else m.heldout.get(where, {})
            row[m.role] = source.get(key)
            row[f"{m.role}_met"] = None if source.get(key) is None else source[key] >= target
        rows.append(row)
    full, fast = summary.model("full"), summary.model("fast")
    within = None
    if full and fast:
        within = all(fast.evaluation.get(k) is not None and full.evaluation.get(k) is not None
                     and full.evaluation[k] - fast.evaluation[k] <= gap + 1e-9 for k, gap in FAST_GAP.items())
    return {"rows": rows, "fast_within_1_point": within}


def print_rows(table: dict) -> None:
    if not table:
        print("no training summary beside the full model: run `make model` for the accuracy figures")
        return
    roles = [k for k in ("full", "fast") if k in table["rows"][0]]
    print(f"{'figure (training run, ONNX int8)':42s} {'target':>7s} " + " ".join(f"{r:>12s}" for r in roles))
    for row in table["rows"]:
        cells = " ".join(f"{'–' if row[r] is None else format(row[r], '.3f'):>8s} {'ok' if row[r + '_met'] else '--':>3s}"
                         for r in roles)
        print(f"{row['figure']:42s} {row['target']:7.2f} {cells}")
    if table["fast_within_1_point"] is not None:
        print(f"fast model within 1 point of the full model on MARC dev polarity and the tweet test: "
              f"{'yes' if table['fast_within_1_point'] else 'no'}")
