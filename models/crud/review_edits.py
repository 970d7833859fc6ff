"""Reviews edited on their site: the stored row takes the new text and rating, and is read again.

A crawl or import that brings a review whose identity (brand, source, site id)
is stored, with another text, title or rating, is an edit: the stored row takes
the new values (``edited_at`` says when) and forgets what was read from the old
text (its scores of every model version, its themes and journey stages, and a
referral intent the row does not give), so the next night scores and reads it
as any unscored review. Its flag stays with its triage state (the team's
record); the next score refreshes it, or raises one as for a new review, or,
when the new text is no detractor, clears it (``models.crud.edited_flags``).
Theme corrections made before the edit stay stored but no longer apply
(``models.crud.journeys.correction_applies``).

Only rows that hit a stored identity are compared, one SELECT per 500 ids. A
content-hash id changes with the text, so such rows are never edits. A value
the row does not carry (no title, no rating, an empty text), or a change of
spacing only, is not an edit: a page that leaves a field out did not edit it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, update
from sqlmodel import Session, col

from models.crud._dialect import chunks
from models.crud.stored_external_ids import stored_rows
from models.tables import Flag, Review, ReviewJourney, ReviewStage, ReviewTheme, Score, table_of

REVIEW_TABLE = table_of(Review)
HASH_PREFIXES = ("sha1:", "h:")  # models.identity's content ids: not the site's own
_STORED = ("id", "external_id", "text", "title", "rating", "rating_raw", "rating_scale", "language")
_SET = ("text", "title", "rating", "rating_raw", "rating_scale", "language", "referral_intent", "edited_at")


def _spaced(value: str | None) -> str:
    return " ".join((value or "").split())


def _edit(stored: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The stored review's new values if ``row`` edits it, else None."""
    text = row["text"] if row["text"] and _spaced(row["text"]) != _spaced(stored["text"]) else None
    title = row["title"] if row["title"] and _spaced(row["title"]) != _spaced(stored["title"]) else None
    rated = row["rating"] is not None and row["rating"] != stored["rating"]
    if text is None and title is None and not rated:
        return None
    rating = row if rated else stored
    return {
        "text": text if text is not None else stored["text"],
        "title": title if title is not None else stored["title"],
        **{name: rating[name] for name in ("rating", "rating_raw", "rating_scale")},
        "language": row.get("language") or stored["language"],
        "referral_intent": row.get("referral_intent"),  # None: the next score reads it from the new text
    }


def apply_edits(
    session: Session, rows: Sequence[Mapping[str, Any]], *, brand_id: int, skip_ids: Collection[int],
    seen_at: datetime,
) -> list[int]:
    """Write the edits ``rows`` (cleaned, one per identity) bring to stored reviews; ids of the edited ones.

    ``skip_ids`` are the reviews this batch inserted (nothing to compare).
    """
    by_source: dict[str, dict[str, Mapping[str, Any]]] = {}
    for row in rows:
        if not str(row["external_id"]).startswith(HASH_PREFIXES):
            by_source.setdefault(row["source"], {})[row["external_id"]] = row
    skip = set(skip_ids)
    edits: list[dict[str, Any]] = []
    for source, wanted in by_source.items():
        for found in stored_rows(session, brand_id, source, wanted, *(REVIEW_TABLE.c[name] for name in _STORED)):
            old = dict(found._mapping)
            if old["id"] in skip:
                continue
            new = _edit(old, wanted[old["external_id"]])
            if new is not None:
                edits.append({"rid": old["id"], **{f"new_{k}": v for k, v in new.items()}, "new_edited_at": seen_at})
    if not edits:
        return []
    edits.sort(key=lambda e: e["rid"])  # rows locked in id order, as scoring's and reading's lock_reviews take them
    session.execute(
        update(REVIEW_TABLE).where(REVIEW_TABLE.c.id == bindparam("rid"))
        .values(**{name: bindparam(f"new_{name}") for name in _SET}),
        edits,
    )
    ids = [e["rid"] for e in edits]
    forget_readings(session, ids)
    return ids


def forget_readings(session: Session, review_ids: Sequence[int]) -> None:
    """Drop the scores and theme readings of these reviews (their flags stay, pointing at no score
    until the next score refreshes or clears them)."""
    for batch in chunks(list(review_ids), 500):
        session.execute(update(Flag).where(col(Flag.review_id).in_(batch)).values(score_id=None))
        for table in (Score, ReviewTheme, ReviewStage, ReviewJourney):
            session.execute(delete(table).where(col(table.review_id).in_(batch)))
