"""Saving a journey reading: each (review, detector version) has one ``ReviewJourney`` row and its themes and
stages, and saving re-applies the triage corrections stored for that review, so a re-run
or a new detector version never brings back a theme a triager removed (corrections made
before the review was edited on its site were made on another text: they no longer apply).
Given the brand's themes, a reading keeps only those: a correction naming a brand theme
since removed from umot.toml no longer applies (its row stays, for the audit trail)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, tuple_
from sqlmodel import Session, col, select

from models.crud._dialect import chunk_size, chunks
from models.crud.review_locks import lock_reviews
from models.tables import Review, ReviewJourney, ReviewStage, ReviewTheme, ThemeCorrection, table_of, utcnow

SAVE_BATCH = 500  # readings per DELETE (two bound values each) and per bulk INSERT


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


def _last_of_each(readings: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One reading per (review, version), the last given, where it stands among the others: saved one by
    one, a later reading of the same key replaced the earlier, and the newest row of a review is its current one."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for r in reversed(readings):
        key = (int(r["review_id"]), str(r["model_version"]))
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept[::-1]


Row = dict[str, Any]


def _rows(readings: Sequence[Mapping[str, Any]], fixes: Mapping[int, list[ThemeCorrection]],
          known: Collection[str] | None, now: datetime) -> tuple[list[Row], list[Row], list[Row]]:
    """The journey, theme and stage rows of ``readings``, in their order (ids ascend as they were saved)."""
    journeys: list[Row] = []
    themes: list[Row] = []
    stages: list[Row] = []
    for r in readings:
        rid, version = int(r["review_id"]), str(r["model_version"])
        journeys.append({"review_id": rid, "model_version": version, "primary_stage": r.get("primary_stage"),
                         "detected_at": now})
        themes += [{"review_id": rid, "model_version": version, "theme": theme, "polarity": polarity}
                   for theme, polarity in _corrected(dict(r.get("themes") or {}), fixes.get(rid, []), known).items()]
        stages += [{"review_id": rid, "model_version": version, "stage": stage} for stage in r.get("stages") or []]
    return journeys, themes, stages


def _replace(session: Session, readings: Sequence[Mapping[str, Any]],
             rows: tuple[list[Row], list[Row], list[Row]]) -> None:
    """Delete the stored readings of these (review, version) pairs, one statement per table, then insert ``rows``."""
    pairs = [(int(r["review_id"]), str(r["model_version"])) for r in readings]
    for model in (ReviewTheme, ReviewStage, ReviewJourney):  # ORM delete: the session forgets the rows too
        session.execute(delete(model).where(tuple_(col(model.review_id), col(model.model_version)).in_(pairs)))
    for table, new in zip((table_of(ReviewJourney), table_of(ReviewTheme), table_of(ReviewStage)), rows, strict=True):
        if new:
            session.execute(insert(table), new)


def save_journeys(session: Session, readings: Sequence[Mapping[str, Any]], *,
                  known_themes: Collection[str] | None = None) -> int:
    """Store readings (``review_id``, ``model_version``, ``themes``, ``stages``, ``primary_stage``); replaces a
    reading of the same version. ``known_themes``: the brand's themes now (default and its own), so a
    removed brand theme leaves the readings even where a correction had added it. Returns how many were stored.
    Safe beside another writer of the same reviews on PostgreSQL: their rows are locked first
    (:mod:`models.crud.review_locks`), so the second waits, then replaces what the first wrote.
    Set-wise, a few statements per batch: one DELETE per table of the batch's (review, version) pairs, one
    bulk INSERT per table (row by row, a re-read of 3,000 reviews sent 9,000 DELETEs and 8,000 flushes)."""
    fixes: dict[int, list[ThemeCorrection]] = {}
    ids = [int(r["review_id"]) for r in readings]
    lock_reviews(session, ids)  # before reading the corrections: one committed meanwhile is seen
    for batch in chunks(ids, 500):
        for fix in session.exec(select(ThemeCorrection).join(Review, col(Review.id) == ThemeCorrection.review_id)
                                .where(col(ThemeCorrection.review_id).in_(batch), correction_applies())
                                .order_by(col(ThemeCorrection.id))):
            fixes.setdefault(fix.review_id, []).append(fix)
    now = utcnow()
    for batch in chunks(_last_of_each(readings), chunk_size(session, 2, cap=SAVE_BATCH)):
        _replace(session, batch, _rows(batch, fixes, now=now, known=known_themes))
    session.flush()
    return len(readings)
