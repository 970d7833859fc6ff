"""Figures on the held-out split of each training file, and the selection criterion built from them.

Runs are chosen on these splits only (declared in ``nlp/EXPERIMENTS.md``); the
dev and test files are reported, never used to choose. Each scheme has its
figure: 5-star exact and polarity balanced accuracy (stars, five), macro
recall over three classes (three), accuracy (binary).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from nlp.evaluate import marc_metrics, three_class_metrics
from nlp.splits import FileSplit

if TYPE_CHECKING:
    from nlp.dataset_terms import DatasetTerms
    from nlp.scorer import Scorer


def file_figures(scorer: Scorer, split: FileSplit, rows: Sequence[int] | None = None) -> dict:
    """Figures of ``scorer`` on a file's held-out rows (or the given ones)."""
    rows = split.held if rows is None else list(rows)
    texts = [split.file.texts[i] for i in rows]
    labels = [split.file.labels[i] for i in rows]
    if not texts:
        return {}
    scheme = split.file.scheme
    scores, probs = scorer.score_detailed(texts)
    out: dict = {"n": len(texts), "scheme": scheme}
    if scheme in ("stars", "five"):
        out.update(marc_metrics(scores, probs, [label + 1 for label in labels], scorer.labels.stars))
    elif scheme == "three":
        out.update(three_class_metrics(scores, labels))
    else:
        p_pos = np.array([s.p_positive for s in scores])
        p_neg = np.array([s.p_negative for s in scores])
        out["accuracy"] = round(float(np.mean((p_pos > p_neg) == np.asarray(labels, dtype=bool))), 4)
    return out


def headline(figures: dict) -> float | None:
    """One number per file: mean of exact and polarity (stars, five), macro recall (three), accuracy (binary)."""
    if not figures:
        return None
    if figures["scheme"] in ("stars", "five"):
        return (figures["exact"] + figures["polarity_bal_acc"]) / 2
    return figures["macro_recall"] if figures["scheme"] == "three" else figures["accuracy"]


def criterion(per_file: dict[str, dict]) -> float | None:
    """The selection criterion: the mean of the files' headline figures."""
    values = [v for v in (headline(f) for f in per_file.values()) if v is not None]
    return round(float(np.mean(values)), 4) if values else None


def group_figures(scorer: Scorer, splits: Sequence[FileSplit], terms_for: Callable[[str], DatasetTerms | None]) -> dict[str, dict]:
    """Figures on the pooled held-out rows of files reported together (e.g. the two app-review files)."""
    groups: dict[str, list[FileSplit]] = {}
    for s in splits:
        known = terms_for(s.file.name)
        if known is not None and known.group and s.held and s.file.scheme == "stars":
            groups.setdefault(known.group, []).append(s)
    out = {}
    for name, members in groups.items():
        if len(members) < 2:
            continue
        texts = [t for s in members for t in s.held_texts()]
        stars = [label + 1 for s in members for label in s.held_labels()]
        scores, probs = scorer.score_detailed(texts)
        out[name] = {"n": len(texts), "scheme": "stars", "files": [s.file.name for s in members],
                     **marc_metrics(scores, probs, stars, scorer.labels.stars)}
    return out
