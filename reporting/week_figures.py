"""One brand's figures for one week: volume, detractors, sentiment split, rating, NPS, replies
(:mod:`reporting.summary` tabulates them per brand and week).

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

import numpy as np
import pandas as pd

from reporting.detractor_data import DISMISSED
from reporting.rounding import round_half_up, whole_shares

PROMOTER_MIN_STARS = 4.5
PASSIVE_MIN_STARS = 3.5
LABELS = ("negative", "neutral", "positive")


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


def group_figures(group: pd.DataFrame, rounded: bool = True) -> pd.Series:
    """The figures of one (brand, week) group of reviews, as :data:`reporting.summary.METRICS` names them."""
    labelled = group["label"].dropna()
    counts = {f"{label}_pct": int((labelled == label).sum()) for label in LABELS}
    if not len(labelled):
        shares = dict.fromkeys(counts, np.nan)
    elif rounded:  # the three add up to 100.0, as in the summary CSV (reporting.summary.week_over_week)
        shares = whole_shares(counts, 1)
    else:
        shares = {key: 100.0 * n / len(labelled) for key, n in counts.items()}
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
