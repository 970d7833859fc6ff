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


def test_predicted_stars_read_as_in_the_csv(seeded, ana) -> None:  # noqa: ANN001
    """The detail page printed 2.675 as 2.67 and the queue 2.25 as 2.2 ('%.2f' of the binary value); the CSV 2.68."""
    import re

    from models.db import get_engine, session_scope
    from models.tables import Flag, Score

    with session_scope(get_engine(seeded.url)) as session:
        for external_id, stars in (("a0", 2.675), ("a1", 2.25)):
            score = session.get(Score, session.get(Flag, seeded.flags[external_id]).score_id)
            score.stars = stars
            session.add(score)
    detail = ana.get(f"/flags/{seeded.flags['a0']}").text
    assert re.findall(r"<dt>Predicted stars</dt><dd>([^<]*)", detail) == ["2.68"]
    assert re.findall(r'<td class="num">([^<]*)</td>', ana.get("/").text)[:2] == ["2.7", "2.3"]
    csv = ana.get("/queue.csv").content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[9] for line in csv[1:3]] == ["2.68", "2.25"]
