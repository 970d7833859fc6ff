"""The nightly report's "Detractors" counts flags, as the weekly summary and the queue do, not the model's scores.

After a model change, `umot run --model full` re-scored three reviews: the fast model had flagged
r1 (answered 6 h later) and r2, the full model reads r1 as no detractor. The report said
`Detractors | 1` (the full model's detractor scores) beside `answered at the source | 50%` and
`Median hours | 6.0 h`, which come from r1's flag; the summary CSV and `detractors list --status
counted` said 2. A flag keeps its triage state, and its count, after a re-score.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models import crud
from reporting.data import load_reviews
from reporting.detractor_data import count_flagged
from reporting.summary import weekly_stats
from reporting.weeks import IsoWeek

WRITTEN = datetime.now(UTC) - timedelta(days=2)


def _rescored_after_a_model_change(session: Session, brand_id: int) -> None:
    rows = [{"source": "import", "external_id": f"r{i}", "text": text, "published_at": WRITTEN}
            for i, text in enumerate(("slow and rude", "broken on arrival", "fine"), 1)]
    rows[0] |= {"reply_text": "Sorry!", "reply_author": "Acme", "replied_at": WRITTEN + timedelta(hours=6)}
    ids = crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids
    fast = crud.save_scores(session, [{"review_id": i, "model_version": "fast", "label": label, "detractor": bad}
                                      for i, label, bad in zip(ids, ("negative", "negative", "positive"),
                                                               (True, True, False))])
    crud.upsert_flags(session, [{"review_id": i, "score_id": s, "brand_id": brand_id} for i, s in zip(ids[:2], fast)])
    full = crud.save_scores(session, [{"review_id": i, "model_version": "full", "label": label, "detractor": bad}
                                      for i, label, bad in zip(ids, ("negative", "negative", "positive"),
                                                               (False, True, False))])
    crud.upsert_flags(session, [{"review_id": ids[1], "score_id": full[1], "brand_id": brand_id}])  # as the night does
    session.commit()


def test_a_flag_raised_by_the_old_model_still_counts_in_the_report(session: Session, brand_id: int) -> None:
    from flows.outcomes import BrandReport
    from flows.report_sections import week_table

    _rescored_after_a_model_change(session, brand_id)
    now = datetime.now(UTC)
    [week] = crud.brand_summary(session, since=now - timedelta(days=7), until=now, model_version="full")
    assert (week["detractors"], week["reply_rate"], week["median_reply_hours"]) == (2, 0.5, 6.0)
    table = "\n".join(week_table(BrandReport(brand_id=brand_id, brand="Acme", week=week, previous_week={})))
    assert "| Detractors | 2 | – | new |" in table
    # the weekly summary and the queue's counted detractors say the same
    start, end = now - timedelta(days=7), now
    frame = load_reviews(session, [brand_id], start, end)
    weeks = sorted({IsoWeek.of(WRITTEN.date())})
    summary = weekly_stats(frame, [brand_id], weeks, ZoneInfo("UTC"))
    assert int(summary["detractors"].sum()) == count_flagged(session, start, end) == week["detractors"]


def test_a_dismissed_flag_counts_nowhere_whatever_the_model(session: Session, brand_id: int) -> None:
    from sqlmodel import select

    from models.crud.triage import update_flag
    from models.tables import Flag

    _rescored_after_a_model_change(session, brand_id)
    first = session.exec(select(Flag.id).order_by(Flag.id)).first()  # r1's, answered
    update_flag(session, int(first or 0), actor="cli:ana", status="dismissed")
    session.commit()
    now = datetime.now(UTC)
    [week] = crud.brand_summary(session, since=now - timedelta(days=7), until=now, model_version="full")
    assert (week["detractors"], week["reply_rate"], week["median_reply_hours"]) == (1, 0.0, None)
