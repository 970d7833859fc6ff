"""The weekly PNG: 12 weeks of sentiment per brand, drawn headless (Agg)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and workers
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from core.atomic_file import atomic_write  # noqa: E402
from reporting.plot_text import plot_text  # noqa: E402


def draw_sentiment_chart(
    stats: pd.DataFrame, brand_names: Mapping[int, str], weeks: Sequence[str], path: Path
) -> Path:
    """Net sentiment (% positive - % negative) and detractors per week, one line per brand.

    Weeks without scored reviews leave a gap rather than a misleading zero. Brand names
    are drawn as written (``reporting.plot_text``).
    """
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, layout="constrained")
    x = range(len(weeks))
    lines: list[Line2D] = []  # handed to legend(): it keeps a name starting with _
    for brand_id, name in brand_names.items():
        rows = stats.xs(brand_id, level="brand_id").reindex(weeks)
        net = rows["positive_pct"] - rows["negative_pct"]
        lines += top.plot(x, net, marker="o", label=plot_text(name))
        bottom.plot(x, rows["detractors"], marker="o", label=plot_text(name))
    top.axhline(0, color="grey", linewidth=0.8)
    top.set_ylim(-105, 105)
    top.set_ylabel("net sentiment (% pos - % neg)")
    top.set_title(f"Review sentiment per brand, {weeks[0]} to {weeks[-1]}")
    bottom.set_ylabel("detractors")
    bottom.set_ylim(bottom=0)
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xticks(list(x), [w[2:] for w in weeks], rotation=45)
    bottom.set_xlabel("ISO week")
    for axis in (top, bottom):
        axis.grid(True, alpha=0.3)
    if brand_names:
        top.legend(handles=lines, loc="upper left", fontsize="small", ncols=min(4, len(brand_names)))
    else:
        top.text(0.5, 0.5, "no brands in the store yet", ha="center", transform=top.transAxes)
    with atomic_write(path, binary=True) as handle:
        fig.savefig(handle, format="png", dpi=100)
    plt.close(fig)
    return path
