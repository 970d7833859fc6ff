"""reporting.summary: the NPS-style score's bands, at their edges."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from reporting.summary import nps


@pytest.mark.parametrize(
    ("stars", "score"),
    [
        ([5, 4, 3, 1], -25.0),  # one promoter, one passive, two detractors
        ([4.5], 100.0),  # 9 on a 0-10 scale: a promoter
        ([4.4], 0.0),
        ([3.5], 0.0),  # 7 on a 0-10 scale: passive, not a detractor
        ([3.4], -100.0),
        ([5, None, 1], 0.0),  # a review without stars counts in no band
    ],
)
def test_nps_bands(stars: list[float | None], score: float) -> None:
    assert nps(pd.Series(stars, dtype=float)) == score


def test_nps_of_no_stars_is_nan() -> None:
    assert math.isnan(nps(pd.Series([None], dtype=float)))
