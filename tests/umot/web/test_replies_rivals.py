"""Web: the reply filter and reply on the detail page, advocates and benchmark pages, cross-brand access.

Store: tests/reporting/rivals_store.py (Acme with rivals Globex and Initech). ana sees Acme,
gus sees Globex, both sees Acme and Globex.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.reporting.rivals_store import build
from tests.umot.web.conftest import PASSWORD, login


@pytest.fixture
def store(db_url: str) -> dict[str, int]:
    from models.crud.triage import create_user
    from models.db import get_engine, session_scope
    from umot.web.auth import hash_password

    ids = build(db_url)
    with session_scope(get_engine(db_url)) as session:
        pw = hash_password(PASSWORD)
        create_user(session, email="ana@acme.example", password_hash=pw, brand_ids=[ids["Acme"]])
        create_user(session, email="gus@globex.example", password_hash=pw, brand_ids=[ids["Globex"]])
        create_user(session, email="both@example.com", password_hash=pw, brand_ids=[ids["Acme"], ids["Globex"]])
    return ids


def _monday_after_w47(monkeypatch: pytest.MonkeyPatch, now: datetime) -> None:
    """The benchmark page's default week is the export's, the last complete one as of ``now``."""
    from reporting.weeks import last_complete_week

    monkeypatch.setattr("umot.web.rivals_view.last_complete_week", lambda zone: last_complete_week(zone, now))


@pytest.fixture
def w47_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    _monday_after_w47(monkeypatch, datetime(2026, 11, 23, 9, tzinfo=UTC))


@pytest.fixture
def browser(db_url: str, store):
    from umot.web.app import create_app

    def open_as(email: str) -> TestClient:
        client = TestClient(create_app(db_url, secret_key="test-secret-key"))
        assert login(client, email).status_code == 303
        return client

    return open_as


def _authors(html: str) -> list[str]:
    return sorted(set(re.findall(r"author [a-z]\d", html)))


def test_queue_filters_unanswered_and_answered(browser, store) -> None:
    ana = browser("ana@acme.example")
    assert _authors(ana.get("/?status=all&reply=unanswered").text) == ["author a0", "author a3"]
    assert _authors(ana.get("/?status=all&reply=answered").text) == ["author a1", "author a2"]
    assert "reply: unknown value" in ana.get("/?reply=maybe").text


def test_detail_page_shows_the_reply_or_says_unanswered(browser, store, db_url) -> None:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Flag, Review

    with session_scope(get_engine(db_url), write=False) as session:
        flags = dict(session.exec(select(Review.external_id, Flag.id).join(Flag, Flag.review_id == Review.id)).all())
    ana = browser("ana@acme.example")
    answered = ana.get(f"/flags/{flags['a1']}").text
    assert "reply to a1" in answered and "6 h after the review" in answered
    assert "source:trustpilot" in answered  # the audit trail: responded by the source, not a user
    assert "Unanswered: no reply from the brand" in ana.get(f"/flags/{flags['a3']}").text


def test_advocates_page_keeps_to_the_viewers_brands(browser, store) -> None:
    ana = browser("ana@acme.example")
    page = ana.get("/advocates")
    assert page.status_code == 200 and _authors(page.text) == ["author a4", "author a5"]
    assert ana.get(f"/advocates?brand={store['Globex']}").status_code == 404
    gus = browser("gus@globex.example")
    assert _authors(gus.get("/advocates").text) == ["author g2"]


def test_benchmark_shows_rivals_aggregates_not_their_reviews(browser, store, w47_complete) -> None:
    ana = browser("ana@acme.example")
    page = ana.get(f"/brands/{store['Acme']}/benchmark")
    assert page.status_code == 200
    text = page.text
    assert "Week 2026-W47" in text and "Globex" in text and "Initech" in text
    assert "review g1" not in text and "author g" not in text and "author i" not in text  # no rival reviews
    assert f'href="/brands/{store["Globex"]}"' not in text  # ana may not open Globex's overview
    assert ana.get(f"/brands/{store['Globex']}/benchmark").status_code == 404
    assert browser("gus@globex.example").get(f"/brands/{store['Acme']}/benchmark").status_code == 404
    both = browser("both@example.com").get(f"/brands/{store['Acme']}/benchmark").text
    assert f'href="/brands/{store["Globex"]}"' in both
    cells = re.findall(r"<td[^>]*>(.*?)</td>", re.search(r"<td>Initech.*?</tr>", text, re.S).group(0), re.S)
    figures = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells[1:]]
    # reviews, avg rating, negative %, NPS, detractor rate, reply rate, median hours (change since W46)
    assert figures == ["1 (+0)", "1 (+0)", "100 (+0)", "-100 (+0)", "100 (+0)", "100 (+100)", "48"]


def test_overview_shows_reply_rate_time_to_reply_and_rivals(browser, store) -> None:
    text = browser("ana@acme.example").get(f"/brands/{store['Acme']}").text
    assert "50%" in text and "(2 of 4, 12 weeks)" in text  # a1, a2 of a0..a3
    assert "18 h" in text and "rivals: Globex, Initech" in text
    assert f'/brands/{store["Acme"]}/benchmark' in text


def test_benchmark_page_names_the_theme_gaps(browser, store, db_url, w47_complete) -> None:
    from sqlmodel import select

    from models.crud.journeys import save_journeys
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        ids = dict(session.exec(select(Review.external_id, Review.id)).all())
        save_journeys(session, [{"review_id": ids[ext], "model_version": "t1", "themes": themes, "stages": []}
                                for ext, themes in (("a1", {"delivery": "negative"}), ("g1", {"delivery": "positive"}))])
    text = browser("ana@acme.example").get(f"/brands/{store['Acme']}/benchmark").text
    assert "<td>delivery</td><td>1, 100%</td><td>1, 0%</td>" in text and "<td>+100</td><td>worse</td>" in text
    assert "review g1" not in text


def test_benchmark_page_shows_the_exports_week_not_the_week_in_progress(browser, store, db_url, monkeypatch) -> None:
    """One review on Wednesday of W48 made the page show W48 (1 review, NPS -100) while the export wrote W47."""
    from models import crud
    from models.db import get_engine, session_scope
    from reporting.weeks import parse_week
    from umot.web.rivals_view import benchmark_view

    wednesday = datetime(2026, 11, 25, 9, tzinfo=UTC)
    _monday_after_w47(monkeypatch, wednesday + timedelta(hours=1))
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [{"source": "trustpilot", "external_id": "w48", "rating": 1, "text": "late",
                                       "published_at": wednesday}], brand_id=store["Acme"])
    text = browser("ana@acme.example").get(f"/brands/{store['Acme']}/benchmark").text
    assert "Week 2026-W47" in text and "Week 2026-W48" not in text
    with session_scope(get_engine(db_url), write=False) as session:
        acme = crud.get_brand(session, "Acme")
        assert acme is not None
        assert benchmark_view(session, acme, parse_week("2026-W46")).week == "2026-W46"  # an explicit week
        assert benchmark_view(session, acme, parse_week("2026-W48")).rows[0]["reviews"] == 1
