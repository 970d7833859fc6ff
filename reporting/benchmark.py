"""A brand beside its rivals: the week's figures side by side, with week-over-week change.

Only aggregates of the rivals are shown (counts, rates, averages), never their
reviews: whoever may see a brand may see its benchmark, while the rivals'
individual reviews stay behind the rivals' own access rules. Themes are not in
this table: the store keeps them per review, and ``reporting.rival_themes`` writes
the theme gaps beside it (``benchmark-themes-<brand>-<week>.csv``). Figures are
rounded once, here, half up as in the summary (:mod:`reporting.rounding`), and each
change is taken from the exact figures (``weekly_stats(..., rounded=False)``): a
detractor rate from 1/3 to 12/18 changes by 33.3 points, not 66.7 − 33.3 = 33.4.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import SupportsFloat

import matplotlib

matplotlib.use("Agg")  # no display on servers and workers
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from core.atomic_file import atomic_write  # noqa: E402
from reporting.plot_text import plot_text  # noqa: E402
from reporting.rounding import round_half_up, whole_shares  # noqa: E402
from reporting.week_figures import LABELS  # noqa: E402
from reporting.weeks import IsoWeek  # noqa: E402

#: Metric -> what it means (the CSV's columns after week, brand and role; each with a ``_change``).
BENCHMARK_METRICS: dict[str, str] = {
    "reviews": "reviews dated in the week",
    "avg_rating": "mean customer rating (1-5) of rated reviews",
    "negative_pct": "% of scored reviews labelled negative",
    "nps": "NPS-style score, -100 to 100 (as in the summary)",
    "detractor_rate": "% of the week's reviews that are detractors",
    "reply_rate": "% of the week's detractors answered at the source",
    "median_reply_hours": "median hours from review to reply (answered detractors, dated review and reply)",
}
#: Decimals each metric (and its change) is written with, as in the summary.
DECIMALS: dict[str, int] = {"reviews": 0, "avg_rating": 2, "negative_pct": 1, "nps": 1, "detractor_rate": 1,
                            "reply_rate": 1, "median_reply_hours": 1}
BENCHMARK_COLUMNS: list[str] = [
    "week", "brand", "role",
    *BENCHMARK_METRICS,
    *(f"{m}_change" for m in BENCHMARK_METRICS),
]


def benchmark_table(
    stats: pd.DataFrame, brand_id: int, rival_ids: Sequence[int], names: Mapping[int, str], week: IsoWeek
) -> pd.DataFrame:
    """One row per brand (the brand first, then its rivals by name): metrics and their change.

    ``stats`` is :func:`reporting.summary.weekly_stats` over at least ``week``
    and the week before, for the brand and every rival, best unrounded. NaN = no data.
    """
    this, last = str(week), str(week.shift(-1))
    rows = []
    for role, ids in (("brand", [brand_id]), ("rival", sorted(rival_ids, key=lambda i: names[i].lower()))):
        for member in ids:
            now, before = stats.loc[(member, this)], stats.loc[(member, last)]
            row: dict[str, str | float] = {"week": this, "brand": names[member], "role": role}
            row |= {m: _shown(now[m], DECIMALS[m]) for m in BENCHMARK_METRICS}
            row["negative_pct"] = _negative_share(now)  # as the summary CSV shows it
            row |= {f"{m}_change": _change(now[m], before[m], DECIMALS[m]) for m in BENCHMARK_METRICS}
            for count in ("reviews", "reviews_change"):  # a row of mixed metrics comes back as floats
                row[count] = int(row[count])
            rows.append(row)
    return pd.DataFrame(rows, columns=BENCHMARK_COLUMNS)


def _negative_share(figures: pd.Series) -> float:
    """The negative share as ``summary-<week>.csv`` rounds it: split with the other two labels' shares by largest
    remainder (:func:`reporting.rounding.whole_shares`), so the two files never show it a tenth apart."""
    shares = [f"{label}_pct" for label in LABELS]
    if pd.isna(figures["scored"]) or any(pd.isna(figures[s]) for s in shares):
        return _shown(figures["negative_pct"], DECIMALS["negative_pct"])
    counts = {s: round(float(figures[s]) * float(figures["scored"]) / 100) for s in shares}
    return whole_shares(counts, DECIMALS["negative_pct"])["negative_pct"]


def _shown(value: SupportsFloat, digits: int) -> float:
    return float("nan") if pd.isna(value) else round_half_up(value, digits)


def _change(now: SupportsFloat, before: SupportsFloat, digits: int) -> float:
    """The change from the exact figures, rounded once (as the figures themselves are, half up)."""
    if pd.isna(now) or pd.isna(before):
        return float("nan")
    return round_half_up(float(now) - float(before), digits)


def draw_benchmark_chart(
    stats: pd.DataFrame, brand_id: int, rival_ids: Sequence[int], names: Mapping[int, str],
    weeks: Sequence[str], path: Path,
) -> Path:
    """The last weeks' NPS-style score and detractor rate, the brand bold, each rival thin; names as
    written (``reporting.plot_text``)."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, layout="constrained")
    x = range(len(weeks))
    lines: list[Line2D] = []  # handed to legend(): it keeps a name starting with _
    for member in [brand_id, *rival_ids]:
        rows = stats.xs(member, level="brand_id").reindex(weeks)
        style = {"linewidth": 2.5, "marker": "o"} if member == brand_id else {"linewidth": 1.2, "marker": ".", "alpha": 0.8}
        lines += top.plot(x, rows["nps"], label=plot_text(names[member]), **style)
        bottom.plot(x, rows["detractor_rate"], label=plot_text(names[member]), **style)
    top.axhline(0, color="grey", linewidth=0.8)
    top.set_ylim(-105, 105)
    top.set_ylabel("NPS-style score")
    top.set_title(f"{plot_text(names[brand_id])} vs rivals, {weeks[0]} to {weeks[-1]}")
    bottom.set_ylabel("detractor rate (%)")
    bottom.set_ylim(bottom=0)
    bottom.set_xticks(list(x), [w[2:] for w in weeks], rotation=45)
    bottom.set_xlabel("ISO week")
    for axis in (top, bottom):
        axis.grid(True, alpha=0.3)
    top.legend(handles=lines, loc="upper left", fontsize="small", ncols=min(4, 1 + len(rival_ids)))
    with atomic_write(path, binary=True) as handle:
        fig.savefig(handle, format="png", dpi=100)
    plt.close(fig)
    return path
