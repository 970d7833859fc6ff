"""Weekly figures per brand: volume, detractors, sentiment split, rating, NPS.

NPS-style score: each review with stars counts as a promoter, passive or
detractor, and the score is ``% promoters - % detractors`` (-100 to 100). Stars
are the customer's own rating (normalised to 1-5) where the review has one,
else the model's predicted stars. Mapping on the 1-5 scale: >= 4.5 promoter
(5 stars; 9-10 on a 0-10 scale), 3.5 to < 4.5 passive (4 stars; 7-8), below 3.5
detractor (1-3 stars; 0-6). It is NPS-*style*: reviewers were not asked the
"would you recommend" question, so compare it with itself over time, not with
survey NPS.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from reporting.detractor_data import DISMISSED
from reporting.rounding import round_half_up
from reporting.weeks import IsoWeek

PROMOTER_MIN_STARS = 4.5
PASSIVE_MIN_STARS = 3.5
LABELS = ("negative", "neutral", "positive")

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


def _round(value: float, digits: int, rounded: bool) -> float:
    """Round for display (half up, :mod:`reporting.rounding`); ``rounded=False`` keeps the exact figure, for a
    change taken from it and rounded once."""
    return round_half_up(value, digits) if rounded else float(value)


def nps(stars: pd.Series, *, rounded: bool = True) -> float:
    """NPS-style score of a series of 1-5 stars (NaN ignored); NaN when none."""
    stars = stars.dropna()
    if stars.empty:
        return float("nan")
    promoters = (stars >= PROMOTER_MIN_STARS).mean()
    detractors = (stars < PASSIVE_MIN_STARS).mean()
    return _round(100.0 * (promoters - detractors), 1, rounded)


def _one_group(group: pd.DataFrame, rounded: bool = True) -> pd.Series:
    labelled = group["label"].dropna()
    shares = {
        f"{label}_pct": _round(100.0 * (labelled == label).mean(), 1, rounded) if len(labelled) else np.nan
        for label in LABELS
    }
    stars = group["rating"].fillna(group["stars"])
    flagged = group["flag_status"].notna() & (group["flag_status"] != DISMISSED)
    rating = group["rating"].dropna()
    return pd.Series(
        {
            "reviews": len(group),
            "detractors": int(flagged.sum()),
            "scored": len(labelled),
            **shares,
            "avg_rating": _round(rating.mean(), 2, rounded) if len(rating) else np.nan,
            "nps": nps(stars, rounded=rounded),
            "nps_basis": int(stars.notna().sum()),
            **reply_figures(group, flagged, rounded=rounded),
        }
    )


def reply_figures(group: pd.DataFrame, flagged: pd.Series, *, rounded: bool = True) -> dict[str, float]:
    """Detractor rate, and of the detractors: % answered at the source, median hours to that answer."""
    detractors = int(flagged.sum())
    answered = group["replied"].astype(bool) & flagged
    hours = group.loc[answered, "reply_hours"].dropna()
    return {
        "detractor_rate": _round(100.0 * detractors / len(group), 1, rounded) if len(group) else np.nan,
        "reply_rate": _round(100.0 * int(answered.sum()) / detractors, 1, rounded) if detractors else np.nan,
        "median_reply_hours": _round(float(hours.median()), 1, rounded) if len(hours) else np.nan,
    }


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
            .apply(lambda group: _one_group(group, rounded))
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
    """Metrics of ``week`` per brand plus their change since the week before, each rounded once.

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
    for metric, digits in DECIMALS.items():
        out[metric] = _rounded(out[metric], digits)
    return out


def _rounded(values: pd.Series, digits: int) -> pd.Series:
    """Each figure rounded half up as the benchmark's and the report's are (pandas' ``.round`` is half to even)."""
    return values.astype(float).map(lambda value: round_half_up(value, digits))
