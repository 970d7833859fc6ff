"""Two writers of one flag at once on PostgreSQL (two triagers, ``umot detractors set`` beside the web app,
the night's edit checks beside either): the second waits for the first, then changes what it wrote.

Before, each read the flag unlocked: the second audited a change from a value that was gone ("from" not
the previous "to"), and a status change beside a dismissal left the dismissal's corrected label on a flag
that was no longer dismissed. SQLite takes turns already (a writing scope holds the whole database).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from models import crud
from models.crud.edited_dismissals import reopen_edited_dismissals
from models.crud.triage import flag_events, update_flag
from models.db import session_scope
from models.tables import Flag, Review, utcnow
from tests.models.pg_race import race

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]

PRAISE = {"source": "t", "external_id": "r1", "text": "Works great, love it", "rating": 1,
          "published_at": datetime.now(UTC) - timedelta(days=2)}


def _flagged(engine: Engine) -> tuple[int, int]:
    """One review of Acme, flagged: (review id, flag id)."""
    with session_scope(engine) as session:
        brand_id = int(crud.get_or_create_brand(session, "Acme").id or 0)
        crud.upsert_reviews(session, [PRAISE], brand_id=brand_id)
        rid = int(session.exec(select(Review.id)).one() or 0)
        [sid] = crud.save_scores(session, [{"review_id": rid, "model_version": "m1", "detractor": True}])
        crud.upsert_flags(session, [{"review_id": rid, "score_id": sid, "brand_id": brand_id,
                                     "reasons": ["rated 1★"], "severity": 1.0}])
        return rid, int(session.exec(select(Flag.id)).one() or 0)


def _trail(engine: Engine, flag_id: int) -> list[tuple[str, str, str | None, str | None]]:
    with session_scope(engine, write=False) as session:
        return [(e.actor, e.field_name, e.old_value, e.new_value) for e in flag_events(session, flag_id)]


def test_a_status_change_beside_a_dismissal_drops_its_label_and_audits_from_it(pg_engine: Engine) -> None:
    _, flag_id = _flagged(pg_engine)
    errors = race(pg_engine,
                   lambda s: update_flag(s, flag_id, actor="web:ana", status="dismissed", corrected_label="positive"),
                   lambda s: (s.get(Flag, flag_id),  # as the web app reads it first (to check who may see it)
                              update_flag(s, flag_id, actor="web:bob", status="in_progress")))
    assert errors == []
    with session_scope(pg_engine, write=False) as session:
        flag = session.get_one(Flag, flag_id)
        assert (flag.status, flag.corrected_label) == ("in_progress", None)  # was in_progress with 'positive'
    assert _trail(pg_engine, flag_id) == [
        ("web:ana", "status", "new", "dismissed"), ("web:ana", "corrected_label", None, "positive"),
        ("web:bob", "status", "dismissed", "in_progress"),  # was "new" -> in_progress: not what ana left
        ("web:bob", "corrected_label", "positive", None),
    ]


def test_two_status_changes_chain_in_the_audit_trail(pg_engine: Engine) -> None:
    _, flag_id = _flagged(pg_engine)
    errors = race(pg_engine, lambda s: update_flag(s, flag_id, actor="web:ana", status="responded", note="ana"),
                   lambda s: update_flag(s, flag_id, actor="web:bob", status="resolved", note="bob"))
    assert errors == []
    statuses = [(old, new) for _, field, old, new in _trail(pg_engine, flag_id) if field == "status"]
    assert statuses == [("new", "responded"), ("responded", "resolved")]
    notes = [(old, new) for _, field, old, new in _trail(pg_engine, flag_id) if field == "note"]
    assert notes == [(None, "ana"), ("ana", "bob")]


def test_an_edit_reopens_no_dismissal_the_team_just_ended(pg_engine: Engine) -> None:
    """The night's check of an edited review saw the flag dismissed; meanwhile a triager set it in progress."""
    rid, flag_id = _flagged(pg_engine)
    with session_scope(pg_engine) as session:
        update_flag(session, flag_id, actor="web:ana", status="dismissed", corrected_label="positive")
    with session_scope(pg_engine) as session:  # edited at the source after the dismissal
        session.get_one(Review, rid).edited_at = utcnow()
    reopened: list[int] = []
    errors = race(pg_engine, lambda s: update_flag(s, flag_id, actor="web:bob", status="in_progress"),
                   lambda s: reopened.append(reopen_edited_dismissals(s, [rid])))
    assert errors == [] and reopened == [0]
    with session_scope(pg_engine, write=False) as session:
        flag = session.get_one(Flag, flag_id)
        assert (flag.status, flag.corrected_label) == ("in_progress", None)  # not reset to new by "umot"
    assert [e for e in _trail(pg_engine, flag_id) if e[0] == "umot"] == []
