"""Weekly figures per brand, as a table (brand, week) -> figures, and the week-over-week change.

A week's figures and how the NPS-style score counts: :mod:`reporting.week_figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pandas as pd

from reporting.rounding import round_half_up, whole_shares
from reporting.week_figures import LABELS, PASSIVE_MIN_STARS, PROMOTER_MIN_STARS, group_figures, nps, reply_figures
from reporting.weeks import IsoWeek

# A week's figures, importable from here as before the split.
__all__ = ["CHANGES", "DECIMALS", "LABELS", "METRICS", "PASSIVE_MIN_STARS", "PROMOTER_MIN_STARS", "nps",
           "reply_figures", "week_over_week", "weekly_stats"]

METRICS = [
    "reviews",
    "detractors",
    "scored",
    "negative_pct",
    "neutral_pct",
    "positive_pct",
    "avg_rating",
    "nps",
    "nps_basis",
    "detractor_rate",
    "reply_rate",
    "median_reply_hours",
]


# Decimals each figure is shown with (counts are whole numbers); a change has its figure's.
DECIMALS: dict[str, int] = {"negative_pct": 1, "neutral_pct": 1, "positive_pct": 1, "avg_rating": 2, "nps": 1,
                            "detractor_rate": 1, "reply_rate": 1, "median_reply_hours": 1}


def weekly_stats(
    reviews: pd.DataFrame, brand_ids: Sequence[int], weeks: Sequence[IsoWeek], tz: ZoneInfo, *, rounded: bool = True
) -> pd.DataFrame:
    """Metrics per (brand_id, week) for every brand and week asked, zero-filled (exact if not ``rounded``)."""
    index = pd.MultiIndex.from_product([list(brand_ids), [str(w) for w in weeks]], names=["brand_id", "week"])
    if reviews.empty:
        stats = pd.DataFrame(index=index, columns=METRICS, dtype=float)
    else:
        local = reviews["date"].dt.tz_convert(tz)
        iso = local.dt.isocalendar()
        keyed = reviews.assign(week=[f"{y}-W{w:02d}" for y, w in zip(iso["year"], iso["week"])])
        stats = (
            keyed.groupby(["brand_id", "week"])[["rating", "label", "stars", "flag_status", "replied", "reply_hours"]]
            .apply(lambda group: group_figures(group, rounded))
            .reindex(index)
        )
    counts = ["reviews", "detractors", "scored", "nps_basis"]
    stats[counts] = stats[counts].fillna(0).astype(int)
    return stats[METRICS]


CHANGES = {
    "reviews_change": "reviews",
    "detractors_change": "detractors",
    "negative_pct_change": "negative_pct",
    "positive_pct_change": "positive_pct",
    "avg_rating_change": "avg_rating",
    "nps_change": "nps",
    "reply_rate_change": "reply_rate",
}


def week_over_week(stats: pd.DataFrame, week: IsoWeek) -> pd.DataFrame:
    """Metrics of ``week`` per brand plus their change since the week before, each rounded once (the
    sentiment shares by largest remainder, :func:`reporting.rounding.whole_shares`).

    Give it exact figures (``weekly_stats(..., rounded=False)``): a change taken from
    rounded ones can be a tenth off (12/18 - 1/3 read 33.4 points, not 33.3).
    """
    if stats.empty:  # no brands in the store yet
        return pd.DataFrame(columns=[*METRICS, *CHANGES])
    this = stats.xs(str(week), level="week")
    last = stats.xs(str(week.shift(-1)), level="week")
    out = this.copy()
    for column, metric in CHANGES.items():
        delta = this[metric] - last[metric]  # a count's change stays a whole number
        out[column] = _rounded(delta, DECIMALS[metric]) if metric in DECIMALS else delta
    shares = [f"{label}_pct" for label in LABELS]
    for metric, digits in DECIMALS.items():
        if metric not in shares:
            out[metric] = _rounded(out[metric], digits)
    counts = out[shares].mul(out["scored"], axis=0).div(100).round()  # the counts the exact shares were taken of
    split = [whole_shares(row, DECIMALS[shares[0]]) for row in counts.to_dict("records")]
    out[shares] = pd.DataFrame(split, index=out.index, columns=shares)  # a week's split adds up to 100.0
    return out


def _rounded(values: pd.Series, digits: int) -> pd.Series:
    """Each figure rounded half up as the benchmark's and the report's are (pandas' ``.round`` is half to even)."""
    return values.astype(float).map(lambda value: round_half_up(value, digits))
