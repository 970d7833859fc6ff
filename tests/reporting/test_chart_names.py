"""Brand names in the PNG charts are drawn as written: a ``$`` never opens mathtext (which stopped the
whole weekly export with a ParseException) and a name starting with ``_`` still gets its legend entry."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from reporting.benchmark import draw_benchmark_chart
from reporting.chart import draw_sentiment_chart
from reporting.plot_text import plot_text

NAMES = {1: "Money$ave #1 $hop", 2: "Dollar$ & Sen$e", 3: "_under", 4: r"Back\$lash ^_{x}"}
WEEKS = ["2026-W48", "2026-W49"]


def _stats() -> pd.DataFrame:
    index = pd.MultiIndex.from_product([list(NAMES), WEEKS], names=["brand_id", "week"])
    return pd.DataFrame({"positive_pct": 50.0, "negative_pct": 25.0, "detractors": 1, "nps": 10.0,
                         "detractor_rate": 20.0}, index=index)


def _drawn(text: Text) -> tuple[str, bool]:
    """What matplotlib draws for ``text``, and whether as mathtext."""
    shown: tuple[str, bool] = text._preprocess_math(text.get_text())  # type: ignore[attr-defined]
    return shown


@pytest.fixture
def figures(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """The figures the charts close, kept to be read."""
    kept: list[Figure] = []
    monkeypatch.setattr(plt, "close", kept.append)
    return kept


@pytest.mark.parametrize("text", [*NAMES.values(), "$$", "a\\", "50% off"])
def test_plot_text_draws_any_name_as_written(text: str) -> None:
    assert _drawn(Text(text=plot_text(text))) == (text, False)


def test_sentiment_chart_legend_names_every_brand_as_written(tmp_path: Path, figures: list[Figure]) -> None:
    draw_sentiment_chart(_stats(), NAMES, WEEKS, tmp_path / "sentiment.png")
    [figure] = figures
    legend = figure.axes[0].get_legend()
    assert [_drawn(t) for t in legend.get_texts()] == [(n, False) for n in NAMES.values()]
    assert (tmp_path / "sentiment.png").stat().st_size > 0


def test_benchmark_chart_title_and_legend_as_written(tmp_path: Path, figures: list[Figure]) -> None:
    draw_benchmark_chart(_stats(), 1, [2, 3, 4], NAMES, WEEKS, tmp_path / "benchmark.png")
    [figure] = figures
    top = figure.axes[0]
    assert _drawn(top.title) == (f"{NAMES[1]} vs rivals, 2026-W48 to 2026-W49", False)
    assert [_drawn(t) for t in top.get_legend().get_texts()] == [(n, False) for n in NAMES.values()]
