"""One figure, one rounding: summary, benchmark, report and web pages round half up on the figure as written.

Replies 14:00 and 14:42 after their reviews have a median of 14.35 h: the summary CSV (pandas'
``.round``) wrote 14.4 and the benchmark CSV (Python's ``round`` on 14.3499…) 14.3; ratings
averaging 2.675 read 2.68 and 2.67; a median of 16.25 h read 16.2 in both (half to even).
"""

from __future__ import annotations

import math
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from reporting.benchmark import benchmark_table
from reporting.rounding import figure_text, round_half_up
from reporting.summary import reply_figures, week_over_week, weekly_stats
from reporting.weeks import IsoWeek

W46, W47 = IsoWeek(2026, 46), IsoWeek(2026, 47)


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [(14.35, 1, 14.4), (2.675, 2, 2.68), (16.25, 1, 16.3), (-3.75, 1, -3.8), (12.5, 0, 13.0), (0.5, 0, 1.0),
     (2.5, 0, 3.0), (100 * 0.145, 0, 15.0), (100 / 3, 1, 33.3), (-0.04, 1, 0.0), (0.123456, 4, 0.1235)],
)
def test_half_up_on_the_figure_as_written(value: float, digits: int, shown: float) -> None:
    assert round_half_up(value, digits) == shown


def test_no_figure_is_no_figure_and_text_keeps_its_decimals() -> None:
    assert math.isnan(round_half_up(float("nan"), 1)) and round_half_up(float("inf"), 1) == float("inf")
    assert str(round_half_up(-0.04, 1)) == "0.0"  # never "-0.0"
    assert (figure_text(14.35, 1), figure_text(2.5), figure_text(-3.75, 1, sign=True), figure_text(0.0, 2, sign=True)) == (
        "14.4", "3", "-3.8", "+0.00")


def _reviews() -> pd.DataFrame:
    """Brand 1 in W47: ratings 1, 1, 5, 3.7 (mean 2.675), two detractors answered after 14.0 and 14.7 h.
    Brand 2 in W47: one detractor answered after 16.0 and one after 16.5 h (median 16.25). Both in W46 too."""
    rows = []
    for brand, rating, flagged, hours in [(1, 1.0, True, 14.0), (1, 1.0, True, 14.7), (1, 5.0, False, None),
                                          (1, 3.7, False, None), (2, 1.0, True, 16.0), (2, 2.0, True, 16.5)]:
        for day in ("2026-11-10", "2026-11-17"):  # W46, W47
            rows.append({"brand_id": brand, "date": pd.Timestamp(day, tz="UTC"), "rating": rating,
                         "label": "negative" if flagged else "positive", "stars": rating,
                         "flag_status": "new" if flagged else None, "replied": hours is not None,
                         "reply_hours": float("nan") if hours is None else hours})
    return pd.DataFrame(rows)


def test_the_summary_and_the_benchmark_write_the_same_figure() -> None:
    exact = weekly_stats(_reviews(), [1, 2], [W46, W47], ZoneInfo("UTC"), rounded=False)
    summary = week_over_week(exact, W47)
    bench = benchmark_table(exact, 1, [2], {1: "Acme", 2: "Rival"}, W47).set_index("brand")
    assert (summary.loc[1, "median_reply_hours"], bench.loc["Acme", "median_reply_hours"]) == (14.4, 14.4)
    assert (summary.loc[1, "avg_rating"], bench.loc["Acme", "avg_rating"]) == (2.68, 2.68)
    assert (summary.loc[2, "median_reply_hours"], bench.loc["Rival", "median_reply_hours"]) == (16.3, 16.3)
    assert summary.loc[1, "reviews_change"] == 0 and str(summary["reviews_change"].dtype).startswith("int")


def test_the_web_pages_reply_figures_and_the_report_round_the_same_way() -> None:
    from flows.outcomes import BrandReport
    from flows.report_sections import week_table

    frame = _reviews()
    mine = frame[frame["brand_id"] == 2]
    flagged = mine["flag_status"].notna()
    assert reply_figures(mine, flagged)["median_reply_hours"] == 16.3  # the overview's figure (umot.web.rivals_view)
    table = "\n".join(week_table(BrandReport(brand_id=2, brand="Rival", week={"median_reply_hours": 16.25},
                                             previous_week={})))
    assert "| Median hours to reply | 16.3 h | – | – |" in table


def test_the_summary_and_the_benchmark_show_the_same_negative_share() -> None:
    """One negative, one neutral, one positive review: the summary splits 100 as 33.4 / 33.3 / 33.3 (largest
    remainder, the first label taking the tie); the benchmark rounded the negative share alone, to 33.3."""
    rows = [{"brand_id": 1, "date": pd.Timestamp("2026-11-17", tz="UTC"), "rating": float("nan"), "label": label,
             "stars": 3.0, "flag_status": None, "replied": False, "reply_hours": float("nan")}
            for label in ("negative", "neutral", "positive")]
    exact = weekly_stats(pd.DataFrame(rows), [1], [W46, W47], ZoneInfo("UTC"), rounded=False)
    summary = week_over_week(exact, W47)
    bench = benchmark_table(exact, 1, [], {1: "Acme"}, W47).set_index("brand")
    assert summary.loc[1, "negative_pct"] == bench.loc["Acme", "negative_pct"] == 33.4
