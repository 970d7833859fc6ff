"""reporting.summary: the NPS-style bands at their edges, and which ISO week a review counts in."""

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


def test_weekly_stats_put_a_review_in_the_week_of_the_teams_timezone() -> None:
    """Sunday 23:30 UTC is already Monday in Berlin: the review counts in the next ISO week there."""
    from zoneinfo import ZoneInfo

    from reporting.summary import weekly_stats
    from reporting.weeks import IsoWeek

    reviews = pd.DataFrame({
        "brand_id": [1], "date": pd.to_datetime(["2026-11-22T23:30:00Z"]), "rating": [5.0], "label": ["positive"],
        "stars": [4.8], "flag_status": [None], "replied": [False], "reply_hours": [float("nan")],
    })
    weeks = [IsoWeek(2026, 47), IsoWeek(2026, 48)]
    utc = weekly_stats(reviews, [1], weeks, ZoneInfo("UTC"))["reviews"].to_dict()
    berlin = weekly_stats(reviews, [1], weeks, ZoneInfo("Europe/Berlin"))["reviews"].to_dict()
    assert (utc[(1, "2026-W47")], utc[(1, "2026-W48")]) == (1, 0)
    assert (berlin[(1, "2026-W47")], berlin[(1, "2026-W48")]) == (0, 1)


def test_summary_changes_are_taken_from_exact_figures_and_rounded_once() -> None:
    """Negative 1/3 then 2/3: 66.7 - 33.3 read 33.4 points; the exact change is 33.3."""
    from zoneinfo import ZoneInfo

    from reporting.summary import week_over_week, weekly_stats
    from reporting.weeks import IsoWeek

    labels = ["negative", "positive", "positive", "negative", "negative", "positive"]
    dates = ["2026-11-10"] * 3 + ["2026-11-17"] * 3  # W46, W47
    reviews = pd.DataFrame({
        "brand_id": [1] * 6, "date": pd.to_datetime(dates, utc=True), "rating": [2.0, 5.0, 4.0, 1.0, 2.0, 3.0],
        "label": labels, "stars": [None] * 6, "flag_status": [None] * 6, "replied": [False] * 6,
        "reply_hours": [None] * 6,
    })
    weeks = [IsoWeek(2026, 46), IsoWeek(2026, 47)]
    exact = weekly_stats(reviews, [1], weeks, ZoneInfo("UTC"), rounded=False)
    row = week_over_week(exact, weeks[-1]).loc[1]
    assert (row["negative_pct"], row["negative_pct_change"]) == (66.7, 33.3)
    assert (row["avg_rating"], row["avg_rating_change"]) == (2.0, -1.67)  # 6/3 - 11/3
