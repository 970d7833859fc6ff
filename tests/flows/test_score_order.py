"""The nightly run's scoring batches hold the same reviews whatever order the crawl stored them in.

With int8 weights a score moves a little with its batch neighbours. Batches
used to be cut by review id, i.e. by arrival order: a killed-and-rerun night
and an uninterrupted one stored the same reviews in different orders and
flagged ~1% of them differently (bench/int8_batches.py). Now they are cut from
the reviews' content order (``unscored_ids_in_scoring_order``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from nlp import detractor
from nlp.result import ReviewScore

REVIEWS = [{"source": "shop", "external_id": f"r{i}", "text": "meh " * (i + 1)} for i in range(9)]


class NeighbourScorer:
    """p_negative follows the mean text length of the batch: scores move with their neighbours."""

    version = "neighbours@1"

    def score(self, texts, ratings=None, *, progress=False):  # noqa: ANN001, ANN201
        mean = sum(len(t) for t in texts) / len(texts)
        p_neg = min(0.99, mean / 40)
        return [ReviewScore("negative", 2.0, p_neg, 0.0, 1 - p_neg, 0.9, "en", *detractor.decide(p_neg))
                for _ in texts]


def _night(tmp_path: Path, name: str, seed: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple]:
    from sqlmodel import select

    import flows.night_scoring as night_scoring
    from flows.tasks.score import score_batch
    from models import crud
    from models.db import init_db, session_scope
    from models.tables import Review, Score

    url = f"sqlite:///{tmp_path / name}"
    monkeypatch.setenv("UMOT_DATABASE_URL", url)
    monkeypatch.setattr(night_scoring, "score_batch", score_batch.fn)  # the task's body, without Prefect
    rows = list(REVIEWS)
    random.Random(seed).shuffle(rows)
    with session_scope(init_db(url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        for row in rows:  # one at a time: ids follow this (crawl) order
            crud.upsert_reviews(session, [row], brand_id=brand_id)
    night_scoring.score_all(NeighbourScorer(), brand_ids=None, batch_size=3)
    with session_scope(init_db(url), write=False) as session:
        found = session.exec(select(Review.external_id, Score.p_negative, Score.detractor)
                             .join(Score, Score.review_id == Review.id))
        return {e: (p, d) for e, p, d in found}


def test_two_crawl_orders_score_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _night(tmp_path, "a.db", 1, monkeypatch)
    second = _night(tmp_path, "b.db", 2, monkeypatch)
    assert len(first) == len(REVIEWS) and first == second
