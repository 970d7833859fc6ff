"""A fanned-out night's score units: a failed one's batch is scored, never silently left unscored.

The units run in this process, each under a flow run id of its own, as a worker of the pool runs them
(``flows.fanout.start`` is replaced; what Prefect says of their runs too); planning, claims and the
``nightshard`` rows are the real ones, on this test's SQLite store.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from flows.nightly import nightly
from tests.flows.conftest import KeywordScorer, review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness", "unit_deployments")

FAST: dict[str, Any] = dict(crawl_retries=0, retry_delay=0.0, batch_size=5, notify=False, fan_out=1, lease_seconds=60)


def _count(store: str, table: Any, column: Any = None) -> int:
    from models.db import get_engine

    what = func.count(func.distinct(column)) if column is not None else func.count()
    with get_engine(store).connect() as conn:
        return int(conn.execute(select(what).select_from(table)).scalar_one())


@pytest.fixture
def units_here(store: str, add_source: Callable[..., int], fake_scorer: KeywordScorer,
               monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Units started here, each under its own flow run id: ``ended`` (flow run id -> how it ended) and
    ``claims_at_failure`` (the scoring claims left in the store as each failed unit ended)."""
    import flows.fanout
    import flows.nightly
    from flows import night_units
    from models.tables import ScoreClaim

    ended: dict[str, str] = {}
    claims_at_failure: list[int] = []

    def start_here(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        run_id = str(uuid4())
        monkeypatch.setattr(night_units, "runtime", SimpleNamespace(flow_run=SimpleNamespace(id=run_id)))
        unit = night_units.crawl_shard if kind == night_units.CRAWL else night_units.score_shard
        try:
            unit.fn(shard=shard, **parameters)
            ended[run_id] = "COMPLETED"
        except Exception:  # noqa: BLE001 - the unit's flow run ends Failed
            ended[run_id] = "FAILED"
            claims_at_failure.append(_count(store, ScoreClaim))
        return run_id

    monkeypatch.setattr(flows.nightly, "shared_store", lambda: True)  # the units share this SQLite store
    monkeypatch.setattr(flows.fanout, "start", start_here)
    monkeypatch.setattr(flows.fanout, "why_lost", lambda run_id, timeout: f"its flow run ended {ended[run_id]}")
    add_source("A", "a1")
    return SimpleNamespace(ended=ended, claims_at_failure=claims_at_failure)


def test_a_score_unit_whose_batch_fails_drops_its_claims_and_its_restart_scores_every_review(
        store: str, fake_crawls: Any, units_here: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the failed unit's claims stayed live for the lease, its restart claimed nothing and finished "done",
    and the night ended Completed with 7 of 12 reviews scored and the lost batch's detractors never flagged."""
    import flows.tasks.score_claims as score_claims
    from models.tables import Review, Score, ScoreClaim

    fake_crawls({"a1": [review_rows("a1", 12)]})
    real, calls = score_claims.score_pending, []

    def flaky(scorer: Any, pending: Any, claimed_by: str | None = None) -> Any:
        calls.append(len(pending))
        if len(calls) == 1:
            raise RuntimeError("deadlock detected while writing the batch")
        return real(scorer, pending, claimed_by)

    monkeypatch.setattr(score_claims, "score_pending", flaky)
    result = nightly(**FAST)
    assert list(units_here.ended.values()).count("FAILED") == 1
    assert units_here.claims_at_failure == [0]  # the failed unit dropped its batch's claims as it ended
    assert _count(store, Score, Score.review_id) == _count(store, Review) == 12
    assert result.scored == 12 and result.new_flags == 4  # reviews 0, 3, 6, 9: the lost batch's among them
    assert _count(store, ScoreClaim) == 0


def test_score_units_that_finish_with_reviews_left_unscored_fail_the_night_saying_how_many(
        store: str, fake_crawls: Any, units_here: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review another process holds a live claim on is left by every unit: the night fails in one line, not
    Completed with it unscored and its detractor in no report."""
    from datetime import timedelta

    import flows.fanout
    from flows.fanout import UnitsFailed
    from models.crud.claims import CLAIM_TABLE
    from models.db import get_engine, session_scope
    from models.tables import Review, utcnow

    fake_crawls({"a1": [review_rows("a1", 3)]})
    start = flows.fanout.start

    def claimed_elsewhere_first(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        if kind == "score":
            with session_scope(get_engine()) as session:
                first = session.execute(select(func.min(Review.id))).scalar_one()
                session.execute(CLAIM_TABLE.insert().values(review_id=first, model_version=KeywordScorer.version,
                                                            claimed_by="elsewhere:1",
                                                            expires_at=utcnow() + timedelta(hours=1)))
        return start(kind, shard, parameters)

    monkeypatch.setattr(flows.fanout, "start", claimed_elsewhere_first)
    with pytest.raises(UnitsFailed, match=r"^1 review left unscored by the score units \(the next night scores them\)$"):
        nightly(**FAST)
    assert list(units_here.ended.values()) == ["COMPLETED", "COMPLETED"]  # the crawl unit and the score unit


def _other_process_writes(monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, Any]]) -> None:
    """Once the score unit has run: `umot import` or `umot crawl` of the night's brand in another process."""
    import flows.fanout
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Source

    start = flows.fanout.start

    def then_write(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        run_id = start(kind, shard, parameters)
        if kind == "score":
            with session_scope(get_engine()) as session:
                source = session.execute(select(Source)).scalars().first()
                crud.upsert_reviews(session, rows, brand_id=source.brand_id, source_id=source.id, crawl_run_id=None)
        return run_id

    monkeypatch.setattr(flows.fanout, "start", then_write)


@pytest.mark.parametrize("late", ["new review", "edit"])
def test_a_review_another_process_stores_after_the_units_waits_for_the_next_night(
        store: str, fake_crawls: Any, units_here: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, late: str) -> None:
    """Was: the unscored check counted it, and a night whose crawl and scoring had succeeded failed unreported."""
    fake_crawls({"a1": [review_rows("a1", 3)]})
    rows = review_rows("a1", 1, start=100) if late == "new review" else review_rows("a1", 1)
    if late == "edit":
        rows[0]["text"] = "Review 0: edited, still awful"
    _other_process_writes(monkeypatch, rows)
    assert nightly(**FAST).scored == (3 if late == "new review" else 2)  # the edit dropped one score: next night's
