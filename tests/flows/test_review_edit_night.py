"""A review edited on its site between two nights: stored anew, scored again, flagged and posted once.

Before, the second night's crawl left the stored review as first read: its old
5★ text and positive score stayed the review's current ones, and it was never flagged.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from flows import progress
from flows.nightly import nightly
from flows.outcomes import BrandReport
from flows.report_sections import brand_section

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)
PRAISE = {"source": "shop", "external_id": "r1", "url": "http://shop.test/reviews/1", "author": "ann",
          "rating": 5.0, "text": "Great shoes, love them", "published_at": "2026-11-20T10:00:00Z"}
COMPLAINT = {**PRAISE, "rating": 1.0, "text": "Edit: awful, the sole came off after a week. Bad."}


def _review_and_scores(store: str) -> tuple[str, float | None, list[tuple[str | None, bool]], int]:
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review, Score

    with session_scope(get_engine(store)) as session:
        review = session.exec(select(Review)).one()
        scores = [(s.label, s.detractor) for s in session.exec(select(Score).where(Score.review_id == review.id))]
        flags = len(session.exec(select(Flag)).all())
        return review.text, review.rating, scores, flags


def test_an_edited_review_is_scored_again_flagged_and_posted_once(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [[PRAISE], [COMPLAINT], [COMPLAINT]]})

    first = nightly(**FAST)
    assert first.detractors == 0 and _review_and_scores(store)[2] == [("positive", False)]

    events: list[str] = []
    with progress.listening(lambda e: events.append(e.message) if e.stage == "crawl" and e.done else None):
        second = nightly(**FAST)
    text, rating, scores, flags = _review_and_scores(store)
    assert (text, rating) == (COMPLAINT["text"], 1.0)
    assert scores == [("negative", True)] and flags == 1  # the new text's score only, and its flag
    assert second.detractors == 1 and second.new_reviews == 0
    assert events == ["0 new, 1 edited"]
    assert [b.edited_reviews for b in second.brands] == [1]  # the report's "(1 stored in all, 1 edited)"
    assert [p for p, _ in got] == ["/acme"] and "sole came off" in got[0][1]["text"]

    third = nightly(**FAST)  # the same edited text again: nothing to do, nothing posted twice
    assert third.detractors == 0 and third.scored == 0 and len(got) == 1
    assert [b.edited_reviews for b in third.brands] == [0]


def test_a_flagged_review_edited_keeps_its_flag_and_is_not_posted_again(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Flag

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    worse = {**COMPLAINT, "text": "Awful. Bad shoes and support never answered."}
    fake_crawls({"shop": [[COMPLAINT], [worse]]})
    assert nightly(**FAST).detractors == 1 and len(got) == 1
    with session_scope(get_engine(store)) as session:
        flag = session.exec(select(Flag)).one()
        flag.status, flag.note = "in_progress", "called them"

    second = nightly(**FAST)
    assert second.detractors == 0 and second.scored == 1 and len(got) == 1
    text, _, scores, flags = _review_and_scores(store)
    assert text == worse["text"] and scores == [("negative", True)] and flags == 1
    with session_scope(get_engine(store)) as session:
        flag = session.exec(select(Flag)).one()
        assert (flag.status, flag.note, flag.score_id is not None) == ("in_progress", "called them", True)


def test_the_report_says_how_many_stored_reviews_were_edited() -> None:
    report = BrandReport(brand_id=1, brand="Acme", new_reviews=2, stored_reviews=40)
    assert "**2** new reviews (40 stored in all), " in brand_section(report)[2]
    report.edited_reviews = 3  # set by the summary (flows/tasks/summarise.py)
    assert "**2** new reviews (40 stored in all, 3 edited), " in brand_section(report)[2]
