"""A brand's overview page: weekly charts and the sentiment split, as inline SVG."""

from __future__ import annotations

import re


def test_overview_charts(ana, seeded) -> None:
    r = ana.get(f"/brands/{seeded.acme}")
    assert r.status_code == 200
    html = r.text
    # the three weekly charts by name (the journey's per-stage bars are checked apart)
    assert html.count('<svg class="chart') == 3 and "<script" not in html.split("</head>", 1)[1]
    assert html.count('<svg class="jbar"') == html.count('<tr data-stage="') > 0
    # 30 detractors dated 2026-02-01..03-02: weeks of 26 Jan (1), 2..23 Feb (7 each), 2 Mar (1).
    bars = re.findall(r"<title>(\d\d \w\w\w): (\d+)</title>", html)
    assert bars[-6:] == [("26 Jan", "1"), ("02 Feb", "7"), ("09 Feb", "7"), ("16 Feb", "7"),
                         ("23 Feb", "7"), ("02 Mar", "1")]
    assert len(bars) == 12
    assert "negative 20 (67%)" in html and "neutral 10 (33%)" in html
    assert "2.10" in html and "31 rated" in html


def test_chart_geometry() -> None:
    from umot.web.charts import bar_chart, split_bar

    chart = bar_chart([("a", 3), ("b", None), ("c", 6)])
    assert [b.h for b in chart.bars][1] == 0 and chart.bars[2].h == 2 * chart.bars[0].h
    assert [t for _, t in chart.ticks] == ["0", "3", "6"]
    parts = split_bar({"negative": 1, "neutral": 0, "positive": 3}, width=400)
    assert [(p.x, p.w) for p in parts] == [(0, 100), (100, 0), (100, 300)]
    assert split_bar({"negative": 0}) == []
