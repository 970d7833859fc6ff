"""The weekly summary's and chart's weeks: twelve, oldest first, ending with the exported week."""

from __future__ import annotations

from reporting.summary_files import CHART_WEEKS, chart_weeks
from reporting.weeks import IsoWeek


def test_chart_weeks_end_with_the_week_and_cross_a_year_boundary() -> None:
    weeks = chart_weeks(IsoWeek(2027, 3))
    assert len(weeks) == CHART_WEEKS == 12
    assert [str(w) for w in weeks[:2]] == ["2026-W45", "2026-W46"]
    assert [str(w) for w in weeks[-4:]] == ["2026-W53", "2027-W01", "2027-W02", "2027-W03"]
