"""The detractor threshold a trained model ships with: the p_negative cut-off for "detractor".

It is chosen on held-out *training* reviews with star ratings (1-2 stars is a
detractor), never on the dev set, so the dev figures stay an honest check. The
teacher's figures (``nlp.teacher.figures``) choose theirs the same way, so the
two compare directly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def choose_threshold(p_negative: np.ndarray, stars: Sequence[int]) -> float:
    """p_negative threshold with the best detractor F1 on held-out *training* reviews (stars 1-5)."""
    gold = np.asarray(stars) <= 2
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.30, 0.71, 0.02):
        pred = p_negative >= t
        tp = float(np.sum(pred & gold))
        f1 = 2 * tp / max(pred.sum() + gold.sum(), 1)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(round(t, 2)), f1
    return best
