"""A run for some brands scores their reviews only; another brand's wait for a run that reports on it.

Before, ``umot run --source shared`` (brands A and B) scored every brand's
unscored reviews: brand C's imported one-star reviews were flagged by a run
whose table showed only A and B, the next full run showed C with 0 new
detractors, and C's webhook got them as "not posted before (the webhook
failed then, or the run stopped before posting)", which was untrue. ``umot
demo`` (its source ``demo-site`` spans 4 demo brands) did the same to every
real brand of the store. The same holds when the night is fanned out over a
work pool's workers (score units claim the night's brands' reviews only).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import func, select

from flows.nightly import nightly
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


def _setup(store: str, add_source: Any, fake_crawls: Any, hook: str) -> int:
    """A and B share a source name; C (with a webhook) has 2 imported one-star reviews, unscored; C's id."""
    from models import crud
    from models.db import get_engine, session_scope

    add_source("A", "shared")
    add_source("B", "shared")
    fake_crawls({"shared": [review_rows("shared", 3)]})  # each: r0 a detractor, r1 and r2 not
    with session_scope(get_engine(store)) as session:  # what `umot import` stores
        brand = crud.get_or_create_brand(session, "C")
        brand.webhook_url = hook
        crud.upsert_reviews(session, review_rows("import:c.csv", 2, bad_every=1), brand_id=brand.id)
        return brand.id


def _scored_and_flagged(store: str, brand_id: int) -> tuple[int, int]:
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review, Score

    with session_scope(get_engine(store), write=False) as session:
        scored = session.exec(select(func.count()).select_from(Score).join(Review, Review.id == Score.review_id)
                              .where(Review.brand_id == brand_id)).one()
        flagged = session.exec(select(func.count()).select_from(Flag).where(Flag.brand_id == brand_id)).one()
    return scored, flagged


def _check_the_two_runs(store: str, brand_c: int, got: list[tuple[str, dict]], **options: Any) -> None:
    first = nightly(source="shared", **FAST, **options)
    assert sorted(b.brand for b in first.brands) == ["A", "B"]
    assert first.scored == 6 and first.detractors == 2  # A's and B's reviews, nothing of C's
    assert _scored_and_flagged(store, brand_c) == (0, 0)  # C's wait for a run that covers C
    assert got == []

    second = nightly(**FAST, **options)  # every brand: C's reviews are its new detractors
    [c] = [b for b in second.brands if b.brand == "C"]
    assert (c.scored, c.new_detractors, c.notified) == (2, 2, True)
    assert _scored_and_flagged(store, brand_c) == (2, 2)
    [(path, body)] = got  # one message, tonight's, not a late "not posted before" one
    assert path == "/c"
    assert body["text"].splitlines()[0] == "*umot — C*: 2 new detractors among 2 reviews scored in this run"


def test_a_run_for_some_brands_leaves_the_other_brands_reviews_to_a_run_that_reports_them(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    base, got = webhook_server
    brand_c = _setup(store, add_source, fake_crawls, f"{base}/c")
    _check_the_two_runs(store, brand_c, got)


def test_a_fanned_out_run_for_some_brands_leaves_the_other_brands_reviews_too(
    store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    """The units run in this process, one after the other, as a worker of the pool runs them."""
    import flows.fanned_night
    import flows.nightly

    def run_here(night: str, kind: str, count: int, parameters: dict[str, Any], *, lease_seconds: float) -> list:
        from flows import night_units
        from models import crud
        from models.db import get_engine, session_scope

        unit = night_units.crawl_shard if kind == night_units.CRAWL else night_units.score_shard
        for shard in range(count):
            unit.fn(night=night, shard=shard, lease_seconds=lease_seconds, **parameters)
        with session_scope(get_engine()) as session:
            return crud.night_shards(session, night=night, kind=kind)

    monkeypatch.setattr(flows.nightly, "shared_store", lambda: True)  # the units share this SQLite store
    monkeypatch.setattr(flows.fanned_night, "run_units", run_here)
    monkeypatch.setattr(flows.nightly, "check_deployments", lambda units: None)  # no unit deployments here
    base, got = webhook_server
    brand_c = _setup(store, add_source, fake_crawls, f"{base}/c")
    _check_the_two_runs(store, brand_c, got, fan_out=2)
