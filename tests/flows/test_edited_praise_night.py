"""A flagged review edited into praise between two nights: the second night resolves its flag.

Before, the flag stayed open as first raised (1★ reasons, its severity) and the
weekly export kept counting it as a detractor.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from flows.nightly import nightly

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)
COMPLAINT = {"source": "shop", "external_id": "r1", "url": "http://shop.test/reviews/1", "author": "ann",
             "rating": 1.0, "text": "Terrible, awful shoes. Bad.", "published_at": "2026-11-20T10:00:00Z"}
PRAISE = {**COMPLAINT, "rating": 5.0, "text": "Support replaced them, now they are great, love them"}
AGAIN = {**COMPLAINT, "rating": 2.0, "text": "Broke again after a week. Awful, bad."}


def _complaint_praise_complaint(add_source, fake_crawls, base: str) -> None:
    """Acme's shop lists the complaint, then the same review edited into praise, then back (twice)."""
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [[COMPLAINT], [PRAISE], [AGAIN], [AGAIN]]})


def test_a_flag_edited_into_praise_is_resolved_by_the_next_night(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Flag, FlagEvent

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [[COMPLAINT], [PRAISE]]})
    assert nightly(**FAST).detractors == 1 and len(got) == 1
    with session_scope(get_engine(store)) as session:
        session.exec(select(Flag)).one().status = "in_progress"

    second = nightly(**FAST)
    assert second.detractors == 0 and second.scored == 1 and len(got) == 1
    with session_scope(get_engine(store)) as session:
        flag = session.exec(select(Flag)).one()
        assert (flag.status, flag.reasons, flag.severity) == ("resolved", [], 0.0)
        notes = session.exec(select(FlagEvent.new_value).where(FlagEvent.actor == "umot",
                                                               FlagEvent.field_name == "note")).all()
        assert notes == ["edited on its site: no longer a detractor"]


def test_a_cleared_flag_edited_back_into_a_complaint_is_raised_and_posted_again(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    """It stayed resolved: the customer complained again and nobody heard of it."""
    from models.db import get_engine, session_scope
    from models.tables import Flag, FlagEvent

    base, got = webhook_server
    _complaint_praise_complaint(add_source, fake_crawls, base)
    assert nightly(**FAST).detractors == 1 and len(got) == 1
    assert nightly(**FAST).detractors == 0 and len(got) == 1  # cleared by the edit

    third = nightly(**FAST)
    assert third.detractors == 1 and len(got) == 2 and "Broke again" in got[1][1]["text"]
    with session_scope(get_engine(store)) as session:
        flag = session.exec(select(Flag)).one()
        assert (flag.status, flag.note) == ("new", "edited on its site again: a detractor again")
        statuses = session.exec(select(FlagEvent.new_value).where(FlagEvent.field_name == "status")
                                .order_by(FlagEvent.id)).all()
        assert statuses == ["resolved", "new"]
    assert nightly(**FAST).detractors == 0 and len(got) == 2  # once


def test_a_flag_raised_again_whose_post_fails_is_posted_by_the_next_night(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    """It keeps its first id, at or below the brand's last settled one: the retry list left it out."""
    from models import crud
    from models.db import get_engine, session_scope

    base, got = webhook_server
    _complaint_praise_complaint(add_source, fake_crawls, base)
    nightly(**FAST)
    nightly(**FAST)  # cleared by the edit
    with session_scope(get_engine(store)) as session:
        crud.get_or_create_brand(session, "Acme").webhook_url = f"{base}/down"
    third = nightly(**FAST)
    assert third.detractors == 1 and [b.notified for b in third.brands] == [False]

    with session_scope(get_engine(store)) as session:
        crud.get_or_create_brand(session, "Acme").webhook_url = f"{base}/acme"
    fourth = nightly(**FAST)
    assert [b.notified for b in fourth.brands] == [True]
    assert [path for path, _ in got] == ["/acme", "/down", "/acme"] and "Broke again" in got[2][1]["text"]
