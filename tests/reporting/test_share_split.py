"""A week's sentiment shares add up to 100.0: one negative, one neutral and four positive reviews read
16.7 + 16.7 + 66.7 = 100.1 in the summary CSV, one of each 33.3 × 3 = 99.9 (each share rounded on its own)."""

from __future__ import annotations

import math
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from reporting.rounding import round_half_up, whole_shares
from reporting.summary import week_over_week, weekly_stats
from reporting.week_figures import group_figures
from reporting.weeks import IsoWeek

W46, W47 = IsoWeek(2026, 46), IsoWeek(2026, 47)
SHARES = ["negative_pct", "neutral_pct", "positive_pct"]
SPLITS = {1: ["negative", "neutral", *["positive"] * 4], 2: ["negative", "neutral", "positive"]}


def _reviews() -> pd.DataFrame:
    """Brand 1 in W47: 1 negative, 1 neutral, 4 positive; brand 2: one of each."""
    return pd.DataFrame([
        {"brand_id": brand, "date": pd.Timestamp("2026-11-17", tz="UTC"), "rating": 3.0, "label": label,
         "stars": 3.0, "flag_status": None, "replied": False, "reply_hours": float("nan")}
        for brand, labels in SPLITS.items() for label in labels
    ])


def test_the_summary_csvs_shares_add_up_to_100() -> None:
    summary = week_over_week(weekly_stats(_reviews(), [1, 2], [W46, W47], ZoneInfo("UTC"), rounded=False), W47)
    assert summary.loc[1, SHARES].tolist() == [16.7, 16.6, 66.7]  # a tie goes to the label named first
    assert summary.loc[2, SHARES].tolist() == [33.4, 33.3, 33.3]
    assert summary.loc[1, "negative_pct_change"] != summary.loc[1, "negative_pct_change"]  # none the week before


def test_a_rounded_groups_shares_add_up_to_100() -> None:
    frame = _reviews()
    for brand in SPLITS:
        figures = group_figures(frame[frame["brand_id"] == brand])
        assert round_half_up(sum(figures[SHARES]), 1) == 100.0
    exact = group_figures(frame[frame["brand_id"] == 2], rounded=False)
    assert exact["negative_pct"] == pytest.approx(100 / 3)


@pytest.mark.parametrize(
    ("parts", "digits", "shares"),
    [({"a": 1, "b": 1, "c": 1}, 0, [34.0, 33.0, 33.0]), ({"a": 1, "b": 3, "c": 4}, 0, [12.0, 38.0, 50.0]),
     ({"a": 2, "b": 0, "c": 5}, 1, [28.6, 0.0, 71.4]), ({"a": 1, "b": 2}, 0, [33.0, 67.0]),
     ({"a": 100 / 3, "b": 100 / 3, "c": 100 / 3}, 1, [33.4, 33.3, 33.3]), ({"a": 5, "b": 0}, 1, [100.0, 0.0])],
)
def test_largest_remainder_adds_up_and_breaks_ties_the_same_way(parts: dict[str, float], digits: int,
                                                                 shares: list[float]) -> None:
    assert list(whole_shares(parts, digits).values()) == shares
    assert round_half_up(sum(shares), digits) == 100


def test_no_whole_rounds_each_part_on_its_own() -> None:
    split = whole_shares({"a": float("nan"), "b": 0.0, "c": 2.25}, 1)
    assert math.isnan(split["a"]) and (split["b"], split["c"]) == (0.0, 2.3)
