"""Scores: which reviews a model version has not seen, and saving what it said.

A score is kept per (review, model version): a new model adds rows beside the
old ones, so history survives re-scoring.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, exists, func, tuple_
from sqlmodel import Session, col, select

from models.crud._dialect import chunk_size, chunks, insert_for
from models.tables import Review, Score, table_of, utcnow

SCORE_TABLE = table_of(Score)
_SCORE_COLUMNS = {c.name for c in SCORE_TABLE.columns} - {"id"}
_UPDATABLE = sorted(_SCORE_COLUMNS - {"review_id", "model_version"})
# The order reviews are scored in, one process or many (claims.py): by content, not arrival.
SCORING_ORDER = (func.length(Review.text), col(Review.source), col(Review.external_id), col(Review.id))
Query = TypeVar("Query", bound=Select[Any])  # sqlmodel's selects are SQLAlchemy ones


def of_brands(query: Query, brand_ids: Collection[int] | None) -> Query:
    """``query`` narrowed to these brands' reviews (``None``: every brand's; empty: none).

    A night for some brands (``--brand``, or a ``--source`` several brands have)
    scores theirs only: another brand's reviews wait for a night that reports on it.
    """
    return query if brand_ids is None else query.where(col(Review.brand_id).in_(sorted(brand_ids)))


def unscored_reviews(
    session: Session, *, model_version: str, brand_ids: Collection[int] | None = None, limit: int = 1000
) -> list[Review]:
    """Reviews (of these brands) without a score from ``model_version``, oldest first (empty texts included)."""
    scored = exists().where(col(Score.review_id) == Review.id, col(Score.model_version) == model_version)
    query = of_brands(select(Review).where(~scored), brand_ids).order_by(col(Review.id)).limit(limit)
    return list(session.exec(query))


def unscored_ids_in_scoring_order(
    session: Session, *, model_version: str, brand_ids: Collection[int] | None = None
) -> list[int]:
    """Ids of the reviews (of these brands) ``model_version`` has not scored, in the order the nightly run scores them.

    By text length, then source and external id: an order of the reviews'
    content, not of when they arrived. With int8 weights a score moves a little
    with the other reviews of its batch; batches cut from this order hold the
    same reviews whatever order a crawl stored them in and wherever an earlier
    run was killed (docs/operations.md). One query: one sort per run, not per batch.
    """
    scored = exists().where(col(Score.review_id) == Review.id, col(Score.model_version) == model_version)
    query = of_brands(select(col(Review.id)).where(~scored), brand_ids).order_by(*SCORING_ORDER)
    return [rid for rid in session.exec(query) if rid is not None]  # a stored review always has an id


def unscored_reviews_among(session: Session, review_ids: Sequence[int], *, model_version: str) -> list[Review]:
    """Those of ``review_ids`` still without a score from ``model_version``, in the given order."""
    scored = exists().where(col(Score.review_id) == Review.id, col(Score.model_version) == model_version)
    found = {r.id: r for r in session.exec(select(Review).where(col(Review.id).in_(list(review_ids)), ~scored))}
    return [found[i] for i in review_ids if i in found]


def _score_values(score: Mapping[str, Any], index: int, scored_at: Any) -> dict[str, Any]:
    if score.get("review_id") is None or not score.get("model_version"):
        raise ValueError(f"score {index}: review_id and model_version are required")
    values: dict[str, Any] = {name: score.get(name) for name in _SCORE_COLUMNS}
    values["review_id"] = int(values["review_id"])
    values["detractor"] = bool(values["detractor"])
    values["reasons"] = list(values["reasons"] or [])
    values["scored_at"] = values["scored_at"] or scored_at
    return values


def save_scores(session: Session, scores: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert or replace scores keyed on (review_id, model_version); ids in input order.

    Keys beyond Score's columns (e.g. from ``ReviewScore.as_dict()``) are ignored.
    """
    if not scores:
        return []
    now = utcnow()
    by_key: dict[tuple[int, str], dict[str, Any]] = {}
    for index, score in enumerate(scores):
        values = _score_values(score, index, now)
        by_key[(values["review_id"], values["model_version"])] = values  # last one wins
    rows = list(by_key.values())
    insert = insert_for(session, SCORE_TABLE)
    stmt = insert.on_conflict_do_update(
        index_elements=["review_id", "model_version"],
        set_={name: insert.excluded[name] for name in _UPDATABLE},
    )
    size = chunk_size(session, len(_SCORE_COLUMNS))
    for batch in chunks(rows, size):
        session.execute(stmt, list(batch))
    ids: dict[tuple[int, str], int] = {}
    keys = list(by_key)
    for batch in chunks(keys, min(size, 400)):
        query = select(Score.review_id, Score.model_version, Score.id).where(
            tuple_(col(Score.review_id), col(Score.model_version)).in_(batch)
        )
        ids.update({(r, m): i for r, m, i in session.exec(query) if i is not None})  # a stored score always has an id
    return [ids[(int(s["review_id"]), s["model_version"])] for s in scores]


def latest_scores(session: Session, review_ids: Sequence[int], *, model_version: str | None = None) -> dict[int, Score]:
    """Each review's score from ``model_version`` (or its newest one from any version)."""
    result: dict[int, Score] = {}
    for batch in chunks(list(review_ids), 500):
        query = select(Score).where(col(Score.review_id).in_(batch)).order_by(col(Score.id))
        if model_version is not None:
            query = query.where(Score.model_version == model_version)
        for score in session.exec(query):
            result[score.review_id] = score  # ordered by id: the newest wins
    return result
