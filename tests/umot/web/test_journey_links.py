"""The overview's journey links open the queue on the panel's week: as many rows as the panel counts.

Acme's a0-a9 are one a day up to 2 March 12:00 UTC and all read as speaking of `use` and of
`delivery` (negative); the panel's week is 24 February - 2 March (a0-a6), so a link without
the week's dates opened a7-a9 too.
"""

from __future__ import annotations

import html
import re

from models.crud.journeys import save_journeys
from models.db import get_engine, session_scope


def _read(seeded, n: int = 10) -> None:  # noqa: ANN001
    with session_scope(get_engine(seeded.url)) as session:
        save_journeys(session, [
            {"review_id": seeded.reviews[f"a{i}"], "model_version": "themes-test",
             "themes": {"delivery": "negative"}, "stages": ["use"], "primary_stage": "use"}
            for i in range(n)
        ])


def _rows(client, url: str) -> int:  # noqa: ANN001
    return len(re.findall(r'href="/flags/(\d+)"', client.get(url).text))


def test_theme_and_stage_links_open_what_the_panel_counts(seeded, ana) -> None:  # noqa: ANN001
    _read(seeded)
    page = ana.get(f"/brands/{seeded.acme}").text
    assert "Reviews written 2026-02-24 – 2026-03-02" in page
    theme = re.search(r'<li><a href="([^"]+)"><b>delivery</b></a> · (\d+) detractors?', page)
    assert theme, page
    link, count = html.unescape(theme[1]), int(theme[2])
    assert "from=2026-02-24" in link and "to=2026-03-02" in link
    assert count == 7 and _rows(ana, link) == count
    stage = re.search(r'<tr data-stage="use">\s*<th[^>]*><a href="([^"]+)">use</a></th>\s*<td class="num">(\d+)</td>', page)
    assert stage, page
    assert int(stage[2]) == 7 and _rows(ana, html.unescape(stage[1])) == 7  # every text of the week is flagged here
