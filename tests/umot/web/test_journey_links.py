"""The overview's journey links open the queue on the panel's week: as many rows as the panel counts.

Acme's a0-a9 are one a day up to 2 March 12:00 UTC and all read as speaking of `use` and of
`delivery` (negative); the panel's week is 24 February - 2 March (a0-a6), so a link without
the week's dates opened a7-a9 too. Nyx, under UMOT_TIMEZONE=America/New_York, has reviews
near midnight there, a dismissed detractor, one an edit cleared and one that speaks of
delivery positively: the panel counts none of those three, and its links open none of them.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from sqlmodel import select
from triage_pages import login

from models.crud import get_or_create_brand, save_scores, upsert_flags, upsert_reviews
from models.crud.journeys import save_journeys
from models.db import get_engine, session_scope
from models.tables import Flag


def _read(seeded, n: int = 10) -> None:  # noqa: ANN001
    with session_scope(get_engine(seeded.url)) as session:
        save_journeys(session, [
            {"review_id": seeded.reviews[f"a{i}"], "model_version": "themes-test",
             "themes": {"delivery": "negative"}, "stages": ["use"], "primary_stage": "use"}
            for i in range(n)
        ])


def _flag_ids(client, url: str) -> set[int]:  # noqa: ANN001
    return {int(i) for i in re.findall(r'href="/flags/(\d+)"', client.get(url).text)}


def _rows(client, url: str) -> int:  # noqa: ANN001
    return len(_flag_ids(client, url))


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


# external id: (written at, UTC; themes; flag: "new", "dismissed" or "cleared" by an edit on its site)
NYX = {
    "n1": (datetime(2026, 3, 2, 3, 30, tzinfo=UTC), {"delivery": "negative"}, "new"),  # 1 March 22:30 in New York
    "n2": (datetime(2026, 2, 28, 12, tzinfo=UTC), {"delivery": "negative"}, "dismissed"),
    "n3": (datetime(2026, 2, 27, 12, tzinfo=UTC), {"delivery": "positive", "service_staff": "negative"}, "new"),
    "n4": (datetime(2026, 2, 23, 4, 30, tzinfo=UTC), {"delivery": "negative"}, "new"),  # 22 Feb 23:30: the week before
    "n5": (datetime(2026, 2, 23, 5, 30, tzinfo=UTC), {"delivery": "negative"}, "new"),  # 23 Feb 00:30: the week's first
    "n6": (datetime(2026, 2, 26, 12, tzinfo=UTC), {"delivery": "negative"}, "cleared"),
}


def _nyx(url: str) -> tuple[int, dict[str, int]]:
    """Brand Nyx: NYX's reviews, each flagged, read as speaking of `use` and of their themes; its flag ids."""
    with session_scope(get_engine(url)) as s:
        brand = get_or_create_brand(s, "Nyx")
        rows = [{"source": "appstore", "external_id": ext, "rating": 1, "text": f"Late again {ext}", "published_at": at}
                for ext, (at, _, _) in NYX.items()]
        ids = dict(zip(NYX, upsert_reviews(s, rows, brand_id=brand.id).new_ids))
        score = {"model_version": "m1", "label": "negative", "stars": 1.2, "p_negative": 0.9, "p_neutral": 0.05,
                 "p_positive": 0.05, "confidence": 0.9, "detractor": True, "reasons": ["rated 1★"]}
        scores = save_scores(s, [{**score, "review_id": i} for i in ids.values()])
        upsert_flags(s, [{"review_id": i, "score_id": sid, "brand_id": brand.id, "reasons": ["rated 1★"], "severity": 1.0}
                         for i, sid in zip(ids.values(), scores)])
        cleared = save_scores(s, [{**score, "review_id": ids["n6"], "model_version": "m2", "detractor": False}])[0]
        save_journeys(s, [{"review_id": i, "model_version": "themes-test", "themes": NYX[ext][1], "stages": ["use"],
                           "primary_stage": "use"} for ext, i in ids.items()])
        flags = {f.review_id: f for f in s.exec(select(Flag).where(Flag.brand_id == brand.id))}
        for ext, (_, _, state) in NYX.items():
            flag = flags[ids[ext]]
            if state != "new":
                flag.status = "dismissed" if state == "dismissed" else "resolved"
                flag.score_id = cleared if state == "cleared" else flag.score_id
                s.add(flag)
        return int(brand.id or 0), {ext: int(flags[i].id or 0) for ext, i in ids.items()}


@pytest.fixture
def nyx(seeded, client, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    assert login(client, "root@umot.example").status_code == 303
    return _nyx(seeded.url)


def test_every_number_on_the_panel_is_the_rows_its_link_opens(nyx, client) -> None:  # noqa: ANN001
    brand_id, flags = nyx
    page = client.get(f"/brands/{brand_id}").text
    assert "Reviews written 2026-02-23 – 2026-03-01 (America/New_York days" in page  # the newest is 1 March there
    themes = {t: (html.unescape(link), int(n))
              for link, t, n in re.findall(r'<li><a href="([^"]+)"><b>([^<]+)</b></a> · (\d+) detractors?', page)}
    # delivery: n1 and n5 (n2 dismissed, n3 positive, n4 the week before, n6 cleared by an edit)
    assert {t: n for t, (_, n) in themes.items()} == {"delivery": 2, "service staff": 1}
    for _theme, (link, count) in themes.items():
        assert len(_flag_ids(client, link)) == count, link
    assert _flag_ids(client, themes["delivery"][0]) == {flags["n1"], flags["n5"]}
    stage = re.search(r'<tr data-stage="use">\s*<th[^>]*><a href="([^"]+)">use</a></th>\s*<td class="num">(\d+)</td>', page)
    assert stage, page
    assert int(stage[2]) == 5  # texts: n1, n2, n3, n5, n6
    assert _flag_ids(client, html.unescape(stage[1])) == {flags[e] for e in ("n1", "n3", "n5")}  # its detractors


def test_queue_days_and_dates_are_in_the_export_timezone(nyx, client) -> None:  # noqa: ANN001
    brand_id, flags = nyx
    day = client.get(f"/?brand={brand_id}&from=2026-03-01&to=2026-03-01&status=all").text
    assert {int(i) for i in re.findall(r'href="/flags/(\d+)"', day)} == {flags["n1"]}
    assert '<td class="nowrap">2026-03-01</td>' in day and "2026-03-02" not in day
    assert {int(i) for i in re.findall(r'href="/flags/(\d+)"', client.get(
        f"/?brand={brand_id}&to=2026-02-22&status=all").text)} == {flags["n4"]}
    assert "2026-03-01 22:30 EST" in client.get(f"/flags/{flags['n1']}").text


def test_the_counted_tab_and_the_theme_polarity_filter(nyx, client) -> None:  # noqa: ANN001
    brand_id, flags = nyx
    page = client.get(f"/?brand={brand_id}&status=counted").text
    assert re.search(r"Detractors <b>4</b>", page) and re.search(r"All <b>6</b>", page)
    assert {int(i) for i in re.findall(r'href="/flags/(\d+)"', page)} == {flags[e] for e in ("n1", "n3", "n4", "n5")}
    positive = client.get(f"/?brand={brand_id}&theme=delivery&theme_polarity=positive&status=all").text
    assert {int(i) for i in re.findall(r'href="/flags/(\d+)"', positive)} == {flags["n3"]}
    assert '<option value="positive" selected>positively</option>' in positive
    bad = client.get(f"/?brand={brand_id}&theme=delivery&theme_polarity=angry&status=all").text
    assert "Ignored filter — theme_polarity: unknown value &#39;angry&#39;" in bad
    assert len(re.findall(r'href="/flags/(\d+)"', bad)) == 6  # any polarity, as before
