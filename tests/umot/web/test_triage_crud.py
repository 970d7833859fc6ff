"""models.crud.triage on SQLite and PostgreSQL: the queries behind the pages and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from models.crud.triage import (
    QueueFilter,
    TriageError,
    flag_events,
    query_queue,
    queue_sources,
    rating_summary,
    sentiment_split,
    status_counts,
    update_flag,
    weekly_figures,
)
from models.db import get_engine, session_scope


def test_queue_queries(any_seeded) -> None:
    s_ = any_seeded
    acme = [s_.acme]
    with session_scope(get_engine(s_.url)) as s:
        rows, total = query_queue(s, QueueFilter(brand_ids=acme), limit=5, offset=25)
        assert total == 30 and [r.flag.id for r in rows] == [s_.flags[f"a{i}"] for i in range(25, 30)]
        f = QueueFilter(brand_ids=acme, date_from=date(2026, 2, 27), date_to=date(2026, 3, 1), q="ORDER")
        assert [r.flag.id for r in query_queue(s, f)[0]] == [s_.flags[k] for k in ("a1", "a2", "a3")]
        assert query_queue(s, QueueFilter(brand_ids=acme, q="_"))[1] == 0  # LIKE wildcards are literal
        assert query_queue(s, QueueFilter(brand_ids=acme, rating="none"))[1] == 0
        assert query_queue(s, QueueFilter(brand_ids=acme, label="neutral", rating="3"))[1] == 10
        assert query_queue(s, QueueFilter(brand_ids=[]))[1] == 0
        assert query_queue(s, QueueFilter())[1] == 32  # None = every brand (CLI)
        assert queue_sources(s, acme) == ["appstore", "schemaorg:shop.example"]
        assert status_counts(s, QueueFilter(brand_ids=acme, status="resolved"))["new"] >= 28


def test_overview_figures(any_seeded) -> None:
    with session_scope(get_engine(any_seeded.url)) as s:
        weeks = weekly_figures(s, any_seeded.acme, weeks=12)
        assert len(weeks) == 12 and weeks[-1].week == date(2026, 3, 2) and weeks[0].week == date(2025, 12, 15)
        assert [w.detractors for w in weeks[-6:]] == [1, 7, 7, 7, 7, 1]
        assert weeks[-7].reviews == 1 and weeks[-7].avg_rating == 5.0  # Dana's happy review: no flag
        assert sentiment_split(s, any_seeded.acme) == {"negative": 20, "neutral": 10, "positive": 0}
        avg, rated, total = rating_summary(s, any_seeded.acme)
        assert (round(avg, 2), rated, total) == (2.1, 31, 31)


def test_update_flag_records_each_change(any_seeded) -> None:
    flag_id = any_seeded.flags["a29"]
    with session_scope(get_engine(any_seeded.url)) as s:
        events = update_flag(s, flag_id, actor="t", status="dismissed", assignee="  ", note="  ")
        assert [(e.field_name, e.new_value) for e in events] == [("status", "dismissed"), ("corrected_label", "neutral")]
        assert update_flag(s, flag_id, actor="t", status="dismissed") == []  # nothing changed
        events = update_flag(s, flag_id, actor="t", corrected_label="positive")
        assert [(e.field_name, e.old_value, e.new_value) for e in events] == [("corrected_label", "neutral", "positive")]
        with pytest.raises(TriageError, match="no detractor flag"):
            update_flag(s, flag_id, actor="t", status="new", brand_ids=[any_seeded.globex])
        update_flag(s, flag_id, actor="t", status="new")
        trail = [(e.field_name, e.old_value, e.new_value) for e in flag_events(s, flag_id)]
    assert trail[-2:] == [("status", "dismissed", "new"), ("corrected_label", "positive", None)]


def test_one_flag_or_review_link_is_found_only_within_the_given_brands(any_seeded) -> None:
    """The detail queries scope by brand themselves, not only the routes that call them."""
    from models.crud.triage import flag_id_for_review, get_queue_row

    s_ = any_seeded
    globex_flag, globex_review = s_.flags["g0"], s_.reviews["g0"]
    with session_scope(get_engine(s_.url), write=False) as s:
        assert get_queue_row(s, globex_flag, [s_.acme]) is None and get_queue_row(s, globex_flag, []) is None
        assert get_queue_row(s, globex_flag, [s_.globex]) is not None and get_queue_row(s, globex_flag, None) is not None
        assert flag_id_for_review(s, globex_review, [s_.acme]) is None
        assert flag_id_for_review(s, globex_review, [s_.globex]) == globex_flag
