"""bench/_pipeline_stages.py: the figures every timed stage of the pipeline bench reports."""

from __future__ import annotations

from bench._pipeline_stages import rate, stage_figures


def test_rate_is_rows_per_second_and_zero_for_an_untimed_stage() -> None:
    assert rate(5, 0.3) == 16.7
    assert rate(3, 0) == 0.0  # too fast to time: no ZeroDivisionError
    assert rate(3, -0.001) == 0.0


def test_stage_figures_round_the_seconds_and_rate_the_unrounded_time() -> None:
    assert stage_figures(1.234, 10) == {"seconds": 1.23, "rows": 10, "rows_per_s": 8.1}
    assert stage_figures(0.004, 7) == {"seconds": 0.0, "rows": 7, "rows_per_s": 1750.0}
