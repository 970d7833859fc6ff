"""flows.tasks.summarise: what a night's report and webhook count and quote.

A flag dismissed, or cleared by an edit, before the report is taken counts
nowhere: it was counted as a new detractor and quoted (a dismissed spam review
posted to the brand's channel). Reviews scored without text have no sentiment:
"sentiment of the 4 reviews scored" over 2 labelled ones read as 4.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flows.report_sections import brand_section
from flows.stage_outcomes import BatchOutcome
from flows.tasks.summarise import summarise


def _flagged_store(store: str) -> tuple[int, dict[str, int]]:
    """Acme with three flags raised an hour ago: one open, one dismissed, one an edit cleared."""
    from models.db import get_engine, session_scope
    from models.tables import Brand, Flag, Review, Score

    raised = datetime.now(UTC) - timedelta(hours=1)
    with session_scope(get_engine(store)) as session:
        brand = Brand(name="Acme")
        session.add(brand)
        session.flush()
        ids: dict[str, int] = {}
        for i, kind in enumerate(("open", "dismissed", "cleared")):
            review = Review(brand_id=brand.id or 0, source="shop", external_id=kind, rating=1.0,
                            text=f"Awful, {kind} (#{i})", published_at=raised)
            session.add(review)
            session.flush()
            score = Score(review_id=review.id or 0, model_version="v1", label="negative" if kind != "cleared" else "positive",
                          detractor=kind != "cleared")
            session.add(score)
            session.flush()
            session.add(Flag(review_id=review.id or 0, score_id=score.id, brand_id=brand.id or 0, reasons=["rated 1★"],
                             severity=3.0 - i, status="dismissed" if kind == "dismissed" else "new", created_at=raised))
            ids[kind] = review.id or 0
        return brand.id or 0, ids


def test_a_flag_dismissed_or_cleared_meanwhile_is_neither_counted_nor_quoted(store: str) -> None:
    brand_id, ids = _flagged_store(store)
    now = datetime.now(UTC)
    [report] = summarise.fn(None, now - timedelta(days=1), [], [], None, now=now)
    assert report.brand_id == brand_id
    assert report.new_detractors == 1
    assert [d.review_id for d in report.detractors] == [ids["open"]]


def test_the_sentiment_line_counts_only_the_reviews_scored_with_a_label(store: str) -> None:
    brand_id, _ = _flagged_store(store)
    now = datetime.now(UTC)
    batch = BatchOutcome(scored=4, labels={brand_id: {"negative": 1, "positive": 1, "unscored": 2}})
    [report] = summarise.fn(None, now - timedelta(days=1), [], [batch], None, now=now)
    assert (report.scored, report.labelled) == (4, 2)  # the headline and the report's Model line count all 4
    assert "sentiment of the 2 reviews scored in this run: 50% positive / 0% neutral / 50% negative" in brand_section(report)[2]
