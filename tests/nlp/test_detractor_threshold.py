"""The detractor threshold a run ships: best F1 on held-out star-rated rows, the lowest of equal ones."""

from __future__ import annotations

import numpy as np

from nlp.detractor_threshold import choose_threshold


def test_the_threshold_with_the_best_f1_wins_and_ties_keep_the_lowest() -> None:
    # at 0.30-0.44 the 5-star review (0.45) is a false detractor; 0.46-0.54 catch exactly the 1-2 star ones
    assert choose_threshold(np.array([0.55, 0.62, 0.45, 0.2]), [1, 2, 5, 4]) == 0.46


def test_no_detractors_at_all_gives_the_lowest_threshold_tried() -> None:
    assert choose_threshold(np.array([0.1, 0.2]), [5, 4]) == 0.3
