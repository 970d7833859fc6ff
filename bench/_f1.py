"""Multi-label and multi-class F1 for the themes bench (plain counting, no model code)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0


def multilabel(gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], labels: Sequence[str]) -> dict:
    """Micro F1 over ``labels`` (others ignored) and per-label precision, recall, F1, support."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        g, p = set(g) & set(labels), set(p) & set(labels)
        for label in g & p:
            tp[label] += 1
        for label in p - g:
            fp[label] += 1
        for label in g - p:
            fn[label] += 1
    per = {
        label: {
            "precision": round(tp[label] / (tp[label] + fp[label]), 4) if tp[label] + fp[label] else 0.0,
            "recall": round(tp[label] / (tp[label] + fn[label]), 4) if tp[label] + fn[label] else 0.0,
            "f1": _f1(tp[label], fp[label], fn[label]),
            "support": tp[label] + fn[label],
        }
        for label in labels
    }
    micro = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"micro_f1": micro, "per_label": per}


def macro(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Macro F1 over single-label classes, and per-class F1."""
    per = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        per[label] = _f1(tp, fp, fn)
    return {"macro_f1": round(sum(per.values()) / len(per), 4), "per_label": per}
