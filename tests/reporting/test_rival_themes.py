"""reporting.rival_themes: a theme's gap to the rivals reads worse, better or on par."""

from __future__ import annotations

import pytest

from reporting.rival_themes import PAR_POINTS, verdict


@pytest.mark.parametrize(
    ("gap", "expected"),
    [(PAR_POINTS + 0.1, "worse"), (PAR_POINTS, "on par"), (0.0, "on par"), (-PAR_POINTS, "on par"),
     (-PAR_POINTS - 0.1, "better")],
)
def test_a_gap_within_the_par_points_is_on_par(gap: float, expected: str) -> None:
    assert verdict(gap) == expected
