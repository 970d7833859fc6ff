"""The reply window: which stored reviews an incremental crawl treats as not yet settled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawlers import run_handover, run_store
from crawlers.reply_window import awaiting_reply_since

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def test_only_spiders_whose_pages_carry_replies_look_back(monkeypatch) -> None:
    monkeypatch.delenv("UMOT_REPLY_WINDOW_DAYS", raising=False)
    assert awaiting_reply_since("trustpilot", NOW) == NOW - timedelta(days=30)
    assert awaiting_reply_since("appstore", NOW) is None and awaiting_reply_since("reddit", NOW) is None
    monkeypatch.setenv("UMOT_REPLY_WINDOW_DAYS", "7")
    assert awaiting_reply_since("yelp", NOW) == NOW - timedelta(days=7)
    monkeypatch.setenv("UMOT_REPLY_WINDOW_DAYS", "0")
    assert awaiting_reply_since("googleplay", NOW) is None
    monkeypatch.setenv("UMOT_REPLY_WINDOW_DAYS", "a week")
    with pytest.raises(ValueError, match="UMOT_REPLY_WINDOW_DAYS='a week'"):
        awaiting_reply_since("yelp", NOW)


def test_the_runner_hands_over_recent_unanswered_reviews_as_unknown(db_url: str, tmp_path) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    recent = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    with session_scope(get_engine(db_url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [
            {"source": "trustpilot", "external_id": "old", "text": "meh", "published_at": "2020-01-01"},
            {"source": "trustpilot", "external_id": "waiting", "text": "bad", "published_at": recent},
            {"source": "trustpilot", "external_id": "answered", "text": "bad", "published_at": recent,
             "reply_text": "Sorry!", "replied_at": recent},
            {"source": "trustpilot", "external_id": "undated", "text": "bad"},  # first seen now
        ], brand_id=brand_id)

    def handed(spider: str) -> dict[str, set[str]]:
        handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider=spider,
                                      known_file=tmp_path / f"{spider}.json")
        return run_handover.read_known(handover[run_handover.KNOWN_FILE])

    assert handed("trustpilot") == {"trustpilot": {"old", "answered"}}
    assert handed("appstore") == {"trustpilot": {"old", "waiting", "answered", "undated"}}
