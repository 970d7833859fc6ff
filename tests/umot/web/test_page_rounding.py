"""The web pages round a figure as the exports do: half up on the figure as written.

The overview's weekly average rating of 2.675 read 2.67 in its chart (Jinja's ``round`` is Python's,
on the binary 2.67499…) where ``summary-<week>.csv`` wrote 2.68.
"""

from __future__ import annotations

import pytest

from umot.web.templating import templates


@pytest.mark.parametrize(("source", "shown"), [
    ("{{ '%g'|format(2.675|round(2)) }}", "2.68"),  # the charts' value titles (_charts.html)
    ("{{ '%g'|format(14.35|round(1)) }}", "14.4"),
    ("{{ 2.5|round }}", "3.0"),
    ("{{ 2.675|round(2, 'floor') }}", "2.67"),  # floor and ceil as Jinja's
    ("{{ 2.671|round(2, 'ceil') }}", "2.68"),
])
def test_the_pages_round_half_up(source: str, shown: str) -> None:
    assert templates.env.from_string(source).render() == shown
