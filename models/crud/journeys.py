"""Themes and journey stages per review (#18): what a detector version found, and reading it back.

Each (review, detector version) has one ``ReviewJourney`` row and its themes and
stages; the newest journey row of a review is its current reading. Saving a
reading re-applies the triage corrections stored for that review, so a re-run
or a new detector version never brings back a theme a triager removed (corrections made
before the review was edited on its site were made on another text: they no longer apply).
Given the brand's themes, a reading keeps only those: a correction naming a brand theme
since removed from umot.toml no longer applies (its row stays, for the audit trail).
A review is read again when its *current* reading is of another version (a removed
brand theme brings back one it was read by before) or had no label and now it has one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import and_, delete, exists, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.crud.review_locks import lock_reviews
from models.tables import Review, ReviewJourney, ReviewStage, ReviewTheme, Score, ThemeCorrection, utcnow

UNLABELLED = "+unlabelled"  # marks a reading made without a label: its themes took none's polarity


def reading_version(model_version: str, label: str | None) -> str:
    """The version a reading is stored under: ``model_version``, marked when made without a label."""
    return model_version + UNLABELLED if label is None else model_version  # None, as undetected_reviews tests


def current_journey_ids() -> Any:
    """Subquery: each review's newest journey row id (``review_id``, ``journey_id``)."""
    return (select(ReviewJourney.review_id, func.max(ReviewJourney.id).label("journey_id"))
            .group_by(col(ReviewJourney.review_id)).subquery())


def _current_version(review_id_column: Any) -> Any:
    return (select(ReviewJourney.model_version).where(col(ReviewJourney.review_id) == review_id_column)
            .order_by(col(ReviewJourney.id).desc()).limit(1).correlate_except(ReviewJourney).scalar_subquery())


def has_theme(theme: str | None, review_id_column: Any = Review.id, *, polarity: str | None = None) -> Any:
    """SQL condition: the review's current reading names ``theme`` (None: any theme), with ``polarity`` if given:
    the overview counts a detractor's theme only where it reads negative, and its link must open just those."""
    cond = [col(ReviewTheme.review_id) == review_id_column,
            col(ReviewTheme.model_version) == _current_version(review_id_column)]
    if theme is not None:
        cond.append(col(ReviewTheme.theme) == theme)
    if polarity is not None:
        cond.append(col(ReviewTheme.polarity) == polarity)
    return exists().where(*cond)


def has_stage(stage: str, review_id_column: Any = Review.id) -> Any:
    """SQL condition: the review's current reading names ``stage``."""
    return exists().where(col(ReviewStage.review_id) == review_id_column, col(ReviewStage.stage) == stage,
                          col(ReviewStage.model_version) == _current_version(review_id_column))


def undetected_reviews(session: Session, *, model_version: str, brand_id: int | None = None, limit: int = 1000,
                       after_id: int | None = None, every: bool = False) -> list[tuple[Review, str | None]]:
    """Reviews whose current reading is not from ``model_version`` (``every``: all of them, past ``after_id``),
    oldest first, with their newest sentiment label; one made without a label (:data:`UNLABELLED`) counts
    until the review has one, so a night re-reads only the reviews scored since."""
    older = aliased(Score)
    newest = select(func.max(older.id)).where(older.review_id == Review.id).correlate(Review).scalar_subquery()
    query = select(Review, Score.label).outerjoin(Score, col(Score.id) == newest).order_by(col(Review.id)).limit(limit)
    if every:
        query = query.where(col(Review.id) > (after_id or 0))
    else:
        current = func.coalesce(_current_version(Review.id), "")
        query = query.where(current != model_version,
                            or_(current != model_version + UNLABELLED, col(Score.label).is_not(None)))
    if brand_id is not None:
        query = query.where(Review.brand_id == brand_id)
    return list(session.exec(query))


def correction_applies() -> Any:
    """SQL condition: a theme correction still applies (made after the review's last edit, if any):
    one made on the old text says nothing about the new one. Its row stays, for the audit trail."""
    return or_(col(Review.edited_at).is_(None), col(ThemeCorrection.at) >= col(Review.edited_at))


def _corrected(themes: dict[str, str], fixes: Sequence[ThemeCorrection],
               known: Collection[str] | None) -> dict[str, str]:
    """``themes`` with the corrections applied, less any theme not in ``known`` (when given)."""
    out = dict(themes)
    for fix in fixes:
        if fix.action == "remove":
            out.pop(fix.theme, None)
        else:
            out[fix.theme] = fix.polarity or out.get(fix.theme, "neutral")
    return out if known is None else {name: p for name, p in out.items() if name in known}


def save_journeys(session: Session, readings: Sequence[Mapping[str, Any]], *,
                  known_themes: Collection[str] | None = None) -> int:
    """Store readings (``review_id``, ``model_version``, ``themes``, ``stages``, ``primary_stage``); replaces a
    reading of the same version. ``known_themes``: the brand's themes now (default and its own), so a
    removed brand theme leaves the readings even where a correction had added it. Returns how many were stored.
    Safe beside another writer of the same reviews on PostgreSQL: their rows are locked first
    (:mod:`models.crud.review_locks`), so the second waits, then replaces what the first wrote."""
    fixes: dict[int, list[ThemeCorrection]] = {}
    ids = [int(r["review_id"]) for r in readings]
    lock_reviews(session, ids)  # before reading the corrections: one committed meanwhile is seen
    for batch in chunks(ids, 500):
        for fix in session.exec(select(ThemeCorrection).join(Review, col(Review.id) == ThemeCorrection.review_id)
                                .where(col(ThemeCorrection.review_id).in_(batch), correction_applies())
                                .order_by(col(ThemeCorrection.id))):
            fixes.setdefault(fix.review_id, []).append(fix)
    now = utcnow()
    for r in readings:
        rid, version = int(r["review_id"]), str(r["model_version"])
        for table in (ReviewTheme, ReviewStage, ReviewJourney):
            session.execute(delete(table).where(and_(col(table.review_id) == rid, col(table.model_version) == version)))
        session.add(ReviewJourney(review_id=rid, model_version=version, primary_stage=r.get("primary_stage"),
                                  detected_at=now))
        for theme, polarity in _corrected(dict(r.get("themes") or {}), fixes.get(rid, []), known_themes).items():
            session.add(ReviewTheme(review_id=rid, model_version=version, theme=theme, polarity=polarity))
        for stage in r.get("stages") or []:
            session.add(ReviewStage(review_id=rid, model_version=version, stage=stage))
    session.flush()
    return len(readings)


def current_journeys(session: Session, review_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """review id -> {"themes": {name: polarity}, "stages": [...], "primary_stage", "model_version"}."""
    out: dict[int, dict[str, Any]] = {}
    newest = current_journey_ids()
    for batch in chunks(list(review_ids), 500):
        rows = session.exec(select(ReviewJourney).join(newest, newest.c.journey_id == ReviewJourney.id)
                            .where(col(ReviewJourney.review_id).in_(batch)))
        for j in rows:
            out[j.review_id] = {"themes": {}, "stages": [], "primary_stage": j.primary_stage,
                                "model_version": j.model_version}
        keys = [(rid, v["model_version"]) for rid, v in out.items() if rid in set(batch)]
        if not keys:
            continue
        versions = {v for _, v in keys}
        for t in session.exec(select(ReviewTheme).where(col(ReviewTheme.review_id).in_(batch),
                                                        col(ReviewTheme.model_version).in_(versions))):
            if out[t.review_id]["model_version"] == t.model_version:
                out[t.review_id]["themes"][t.theme] = t.polarity
        for s in session.exec(select(ReviewStage).where(col(ReviewStage.review_id).in_(batch),
                                                        col(ReviewStage.model_version).in_(versions))
                                .order_by(col(ReviewStage.id))):
            if out[s.review_id]["model_version"] == s.model_version:
                out[s.review_id]["stages"].append(s.stage)
    return out
