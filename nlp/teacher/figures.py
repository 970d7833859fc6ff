"""The teacher's held-out figures, computed from its probabilities the way the scorer's are.

The teacher has no ``Scorer`` (it is never shipped), so its 5-star
probabilities are turned into the few fields ``nlp.evaluate`` reads (label,
stars, detractor, p_negative/p_positive): the same figures, on the same
held-out rows, as the students' model card, so the two compare directly.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from nlp.detractor_threshold import choose_threshold
from nlp.evaluate import THREE, marc_metrics, three_class_metrics
from nlp.splits import FileSplit

STARS = (1, 2, 3, 4, 5)


def pseudo_scores(probs: np.ndarray, threshold: float) -> list[SimpleNamespace]:
    """Per row: polarity label (argmax of p(1-2*), p(3*), p(4-5*)), expected stars, text-only detractor."""
    grouped = np.stack([probs[:, :2].sum(1), probs[:, 2], probs[:, 3:].sum(1)], 1)
    stars = probs @ np.asarray(STARS, dtype=np.float32)
    return [SimpleNamespace(label=THREE[int(g.argmax())], stars=float(s), p_negative=float(g[0]),
                            p_positive=float(g[2]), detractor=bool(g[0] >= threshold))
            for g, s in zip(grouped, stars)]


def choose_threshold_from(pairs: list[tuple[FileSplit, np.ndarray]]) -> float:
    """The detractor threshold with the best F1 on the held-out star-rated rows (as for the students)."""
    star = [(s, p) for s, p in pairs if s.file.scheme == "stars" and len(p)]
    if not star:
        return 0.5
    p_neg = np.concatenate([p[:, :2].sum(1) for _, p in star])
    return choose_threshold(p_neg, [label + 1 for s, _ in star for label in s.held_labels()])


def split_figures(split: FileSplit, probs: np.ndarray, threshold: float) -> dict:
    """``nlp.heldout.file_figures`` for the teacher: the figures its file's scheme has."""
    if not len(probs):
        return {}
    scores = pseudo_scores(probs, threshold)
    labels = split.held_labels()
    out: dict = {"n": len(labels), "scheme": split.file.scheme}
    if split.file.scheme in ("stars", "five"):
        out.update(marc_metrics(scores, probs, [label + 1 for label in labels], STARS))
    elif split.file.scheme == "three":
        out.update(three_class_metrics(scores, labels))
    else:
        pos = np.array([s.p_positive > s.p_negative for s in scores])
        out["accuracy"] = round(float(np.mean(pos == np.asarray(labels, dtype=bool))), 4)
    return out
