"""Saving a journey reading: each (review, detector version) has one ``ReviewJourney`` row and its themes and
stages, and saving re-applies the triage corrections stored for that review, so a re-run
or a new detector version never brings back a theme a triager removed (corrections made
before the review was edited on its site were made on another text: they no longer apply).
Given the brand's themes, a reading keeps only those: a correction naming a brand theme
since removed from umot.toml no longer applies (its row stays, for the audit trail)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import and_, delete, or_
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.crud.review_locks import lock_reviews
from models.tables import Review, ReviewJourney, ReviewStage, ReviewTheme, ThemeCorrection, utcnow


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
