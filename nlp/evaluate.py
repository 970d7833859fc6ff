"""The four quality figures of the model card, computed one way for every model.

- MARC 5-star exact accuracy (argmax class; 5-class models only),
- polarity balanced accuracy: mean of the share of 1-2* reviews labelled
  negative and of 4-5* reviews labelled positive (neutral counts as a miss),
- detractor F1: the scorer's ``detractor`` output from text alone vs 1-2*,
- SST-2 accuracy: the binary decision p_negative vs p_positive (a binary task
  has no neutral); the strict 3-way figure (neutral = miss) is reported too;
- SemEval-2017 tweets: macro-averaged recall over negative/neutral/positive.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nlp.eval_files import MARC_DEV, SST2_DEV, TWEETS_TEST, EvalSets, read_eval_sets

if TYPE_CHECKING:
    from nlp.scorer import Scorer

__all__ = ["MARC_DEV", "SST2_DEV", "TWEETS_TEST", "evaluate", "marc_metrics", "sst2_metrics", "three_class_metrics"]
THREE = ("negative", "neutral", "positive")


def marc_metrics(scores: list, probs: np.ndarray | None, gold: list[int], star_values: Sequence[float]) -> dict:
    """Metrics from ``ReviewScore``s (+ class probabilities for the exact-star figure)."""
    gold_a = np.asarray(gold)
    labels = np.array([s.label for s in scores], dtype=object)
    neg, pos = gold_a <= 2, gold_a >= 4
    recall_neg = float(np.mean(labels[neg] == "negative")) if neg.any() else float("nan")
    recall_pos = float(np.mean(labels[pos] == "positive")) if pos.any() else float("nan")
    det = np.array([s.detractor for s in scores])
    tp = float(np.sum(det & neg))
    precision = tp / max(det.sum(), 1)
    recall = tp / max(neg.sum(), 1)
    precision, recall = float(precision), float(recall)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    out: dict[str, float | None] = {
        "polarity_bal_acc": round((recall_neg + recall_pos) / 2, 4),
        "detractor_f1": round(f1, 4),
        "detractor_precision": round(precision, 4),
        "detractor_recall": round(recall, 4),
        "mae_stars": round(float(np.mean(np.abs(np.array([s.stars for s in scores]) - gold_a))), 4),
    }
    if probs is not None and probs.shape[1] == 5 and sorted(star_values) == [1, 2, 3, 4, 5]:
        pred = np.asarray(star_values)[probs.argmax(1)]
        out["exact"] = round(float(np.mean(pred == gold_a)), 4)
    else:
        out["exact"] = None
    return out


def sst2_metrics(scores: list, gold: list[str]) -> dict:
    gold_pos = np.array([g.strip().lower() in ("pos", "1", "positive") for g in gold])
    p_neg = np.array([s.p_negative for s in scores])
    p_pos = np.array([s.p_positive for s in scores])
    binary = p_pos > p_neg
    labels = np.array([s.label for s in scores], dtype=object)
    strict = np.where(gold_pos, labels == "positive", labels == "negative")
    return {
        "sst2_acc": round(float(np.mean(binary == gold_pos)), 4),
        "sst2_acc_3way": round(float(np.mean(strict)), 4),
    }


def three_class_metrics(scores: list, gold: list[int]) -> dict:
    """Macro-averaged recall over negative/neutral/positive (SemEval-2017 4A's official figure) and accuracy."""
    labels = np.array([THREE.index(s.label) for s in scores])
    gold_a = np.asarray(gold)
    recalls = [float(np.mean(labels[gold_a == k] == k)) for k in range(3) if (gold_a == k).any()]
    return {"macro_recall": round(float(np.mean(recalls)), 4), "accuracy_3": round(float(np.mean(labels == gold_a)), 4)}


def evaluate(scorer: Scorer, data: Path | EvalSets, *, limit: int | None = None) -> dict:
    """All figures for ``scorer`` on the dev files in ``data`` (a folder: those present; or the sets read
    from it before training, :func:`nlp.eval_files.read_eval_sets`)."""
    sets = read_eval_sets(data) if isinstance(data, Path) else data
    results: dict = {}
    if sets.marc is not None:
        texts, stars = sets.marc[0][:limit], sets.marc[1][:limit]
        t0 = time.perf_counter()
        scores, probs = scorer.score_detailed(texts)
        results["marc_seconds"] = round(time.perf_counter() - t0, 2)
        results.update(marc_metrics(scores, probs, stars, scorer.labels.stars))
        results["marc_n"] = len(texts)
    if sets.sst2 is not None:
        texts, positive = sets.sst2[0][:limit], sets.sst2[1][:limit]
        results.update(sst2_metrics(scorer.score(texts), ["pos" if p else "neg" for p in positive]))
        results["sst2_n"] = len(texts)
    if sets.tweets is not None:
        test = sets.tweets
        n = len(test.texts[:limit])
        results.update({f"tweets_{k}": v for k, v in three_class_metrics(scorer.score(test.texts[:n]), test.labels[:n]).items()})
        results["tweets_n"] = n
    return results
