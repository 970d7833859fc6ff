"""The queue page: order, filters, pagination, status counts, brand access, CSV."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from triage_pages import FORMULA_TEXT, login


def flag_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/flags/(\d+)"', html)]


def test_newest_first_and_paginated(ana, seeded) -> None:
    page1 = ana.get("/").text
    assert flag_ids(page1) == [seeded.flags[f"a{i}"] for i in range(25)]
    assert "1–25 of 30" in page1 and 'rel="next"' in page1
    assert '<span class="chip">negative text (p_negative 0.80)</span>' in page1  # reasons as the scorer wrote them
    page2 = ana.get("/?page=2").text
    assert flag_ids(page2) == [seeded.flags[f"a{i}"] for i in range(25, 30)]
    assert "26–30 of 30" in page2 and 'rel="prev"' in page2
    # Past the end shows the last page rather than nothing.
    assert flag_ids(ana.get("/?page=99").text) == flag_ids(page2)


def test_most_severe_first_within_a_day(ana, seeded) -> None:
    from models.crud.triage import QueueFilter, query_queue
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review

    with session_scope(get_engine(seeded.url)) as s:  # move a mild one onto the newest day
        mild = s.get(Flag, seeded.flags["a2"])
        review = s.get(Review, mild.review_id)
        review.published_at = review.published_at.replace(day=2, month=3, hour=1)
        s.add(review)
        rows, _ = query_queue(s, QueueFilter(brand_ids=[seeded.acme]), limit=3)
    assert [r.flag.id for r in rows] == [seeded.flags["a0"], seeded.flags["a2"], seeded.flags["a1"]]


def test_filters(ana, seeded) -> None:
    f = seeded.flags
    assert flag_ids(ana.get("/?source=appstore").text) == [f[f"a{i}"] for i in range(0, 30, 3)]
    assert flag_ids(ana.get("/?from=2026-02-27&to=2026-03-01").text) == [f["a1"], f["a2"], f["a3"]]
    assert flag_ids(ana.get("/?rating=3&to=2026-02-25").text) == [f[f"a{i}"] for i in range(5, 30, 3)]
    assert flag_ids(ana.get("/?label=neutral").text) == flag_ids(ana.get("/?rating=3").text)
    assert flag_ids(ana.get("/?q=ORDER+12+arrived").text) == [f["a12"]]
    assert flag_ids(ana.get("/?q=dana").text) == [f["a0"], f["a1"]]  # author
    assert flag_ids(ana.get("/?q=100%25").text) == []  # % is literal, not a wildcard
    assert flag_ids(ana.get(f"/?brand={seeded.acme}&rating=1&source=appstore").text)[:2] == [f["a0"], f["a3"]]


def test_bad_filter_values_are_reported_not_fatal(ana) -> None:
    r = ana.get("/?from=yesterday&status=bogus")
    assert r.status_code == 200
    assert "from: &#39;yesterday&#39; is not a date" in r.text and "status: unknown value" in r.text
    assert "1–25 of 30" in r.text


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


def test_an_overlong_search_says_so_and_carries_what_it_searched(ana, seeded) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(seeded.url)) as s:
        review = s.get(Review, seeded.reviews["a12"])
        review.text = "L" * 200 + " and more"
        s.add(review)
    html = ana.get("/?status=all&q=" + "L" * 200 + "zzz").text
    assert flag_ids(html) == [seeded.flags["a12"]]  # the first 200 characters were searched
    assert "Ignored filter — q: its characters past the first 200 (a search holds at most 200; got 203)" in html
    assert f'name="q" value="{"L" * 200}"' in html  # the box holds what was searched, not what was typed
    links = [h for h in hrefs(html) if "q=" in h]
    assert links and not any("zzz" in h for h in links)
    csv_link = next(h for h in links if h.startswith("/queue.csv"))
    rows = csv.DictReader(io.StringIO(ana.get(csv_link).content.decode("utf-8-sig")))
    assert [int(r["flag_id"]) for r in rows] == [seeded.flags["a12"]]


def test_a_brand_id_with_leading_zeros_shows_in_the_menu(ana, seeded) -> None:
    html = ana.get(f"/?brand=00{seeded.acme}").text
    assert f'<option value="{seeded.acme}" selected>' in html  # not "All brands" while filtering by it
    assert f"/queue.csv?brand={seeded.acme}" in hrefs(html)


def test_status_counts_and_status_filter(ana, seeded) -> None:
    from models.crud.triage import update_flag
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as s:
        update_flag(s, seeded.flags["a0"], actor="t", status="resolved")
        update_flag(s, seeded.flags["a1"], actor="t", status="in_progress")
    html = ana.get("/?source=schemaorg:shop.example").text
    counts = dict(re.findall(r"(New|In progress|Resolved) <b>(\d+)</b>", html))
    assert counts == {"New": "19", "In progress": "1", "Resolved": "0"}
    assert flag_ids(ana.get("/?status=resolved").text) == [seeded.flags["a0"]]
    default = ana.get("/").text  # the open ones: new, in progress, responded
    assert seeded.flags["a0"] not in flag_ids(default) and seeded.flags["a1"] in flag_ids(default)
    assert re.search(r"Open <b>29</b>", default) and re.search(r"All <b>30</b>", default)
    assert flag_ids(ana.get("/?status=all").text)[0] == seeded.flags["a0"]


def test_other_brands_never_show(ana, client, seeded) -> None:
    html = ana.get("/?q=Globex").text
    assert "Globex secret" not in html and flag_ids(html) == []
    assert ana.get(f"/?brand={seeded.globex}").status_code == 404
    assert "Globex secret" not in ana.get("/queue.csv").text


def test_admin_sees_every_brand(client, seeded) -> None:
    login(client, "root@umot.example")
    html = client.get("/").text
    assert "Globex secret complaint" in html and "Acme" in html and "of 32" in html
    assert client.get(f"/brands/{seeded.globex}").status_code == 200


def test_csv_download_follows_the_filter_and_guards_formulas(ana, seeded) -> None:
    r = ana.get("/queue.csv?source=appstore")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [int(row["flag_id"]) for row in rows] == [seeded.flags[f"a{i}"] for i in range(0, 30, 3)]
    assert {row["source"] for row in rows} == {"appstore"}
    by_id = {int(row["flag_id"]): row for row in ana_csv(ana)}
    assert by_id[seeded.flags["a6"]]["text"] == "'" + FORMULA_TEXT
    assert by_id[seeded.flags["a0"]]["reasons"] == "rated 1★; negative text (p_negative 0.80)"


def ana_csv(client) -> list[dict]:  # noqa: ANN001
    return list(csv.DictReader(io.StringIO(client.get("/queue.csv").content.decode("utf-8-sig"))))


@pytest.mark.postgres
def test_pages_on_postgresql(pg_seeded) -> None:
    from fastapi.testclient import TestClient

    from umot.web.app import create_app

    with TestClient(create_app(pg_seeded.url, secret_key="k")) as client:
        login(client, "ana@acme.example")
        html = client.get("/?source=appstore&q=order&from=2026-02-01").text
        assert flag_ids(html) == [pg_seeded.flags[f"a{i}"] for i in range(0, 30, 3) if i != 6]  # a6 holds a formula
        assert client.get(f"/flags/{pg_seeded.flags['a0']}").status_code == 200
        assert client.get(f"/flags/{pg_seeded.flags['g0']}").status_code == 404
        assert client.get(f"/brands/{pg_seeded.acme}").text.count('<svg class="chart') == 3
