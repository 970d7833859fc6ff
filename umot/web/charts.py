"""Chart geometry for server-rendered inline SVG (no JavaScript, no CDN, no network).

Python computes rectangles and points; ``templates/_charts.html`` draws them.
Only numbers and autoescaped labels reach the SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 220, 36, 22, 18


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    value: float | None
    label: str


@dataclass
class Chart:
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (y, text) for the value axis
    width: int = WIDTH
    height: int = HEIGHT
    pad_left: int = PAD_LEFT
    baseline: float = HEIGHT - PAD_BOTTOM


def bar_chart(points: list[tuple[str, float | None]], *, top: float | None = None, fmt: str = "{:g}") -> Chart:
    """Bars for (label, value) pairs; ``top`` fixes the axis maximum (e.g. 5 for ratings).

    Without ``top`` the axis ends at the largest value rounded up to an even
    number, so counts get whole-number ticks.
    """
    values = [v for _, v in points if v is not None]
    if top is None:
        top = float(max(2, math.ceil(max([*values, 0]) / 2) * 2))
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = (WIDTH - PAD_LEFT) / max(1, len(points))
    bars = []
    for i, (label, value) in enumerate(points):
        h = plot_h * (value or 0) / top
        bars.append(Bar(PAD_LEFT + i * slot + slot * 0.15, HEIGHT - PAD_BOTTOM - h, slot * 0.7, h, value, label))
    ticks = [(HEIGHT - PAD_BOTTOM - plot_h * k / 2, fmt.format(top * k / 2)) for k in range(3)]
    return Chart(bars=bars, ticks=ticks)


@dataclass
class Segment:
    x: float
    w: float
    label: str
    count: int
    share: float


def split_bar(parts: dict[str, int], *, width: int = WIDTH) -> list[Segment]:
    """One horizontal 100% bar split by label (empty when there is nothing to split)."""
    total = sum(parts.values())
    if not total:
        return []
    segments, x = [], 0.0
    for label, count in parts.items():
        w = width * count / total
        segments.append(Segment(x, w, label, count, count / total))
        x += w
    return segments
