"""Ids for imported rows with neither an id nor an author, and the id such a row had before.

Such a row's id covers its text, date and rating cells
(``models.identity.imported_content_id``); rows identical in all of them are
told apart by their order (the 2nd, 3rd... gets ``repeated_id``), so each is
stored and importing the same file again stores nothing new.

Imports before this rule gave such rows ``content_id(source, None, text)``
only, so rows sharing a text got one id and all but the first were dropped.
Each row keeps that old id under :data:`PREVIOUS_ID` until it is stored, and
:func:`adopt_previous_ids` gives the old id back to ONE row of each group that
shares it when the store holds it (the row whose date and rating are the
stored review's, else the row with neither, whose own id it is, else the
group's first row, the one the old import stored): that row counts as already
stored, so nothing is stored twice; the others are the reviews the old import
lost, and are stored now (a row whose own id was taken gets the chosen row's).
Imported again, the same file then adds nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from crawlers.extract.team_days import same_day_as_stored
from models.datetimes import as_utc, parse_datetime
from models.identity import content_id, imported_content_id, repeated_id
from models.review_fields import clean_str, cut_str, fit_external_id
from models.tables import Review

PREVIOUS_ID = "_previous_content_id"  # dropped by adopt_previous_ids: never stored
_CHUNK = 500  # ids per IN (...) query


def give_import_id(row: dict[str, Any], raw_date: object, raw_rating: object) -> None:
    """Give ``row`` its content id (in place) if it has neither an id nor an author."""
    if fit_external_id(row["external_id"]) is not None or cut_str(row["author"], 300) is not None:
        return
    source, text = clean_str(row["source"]).strip()[:200], clean_str(row["text"]).strip()  # as the store reads them
    row["external_id"] = imported_content_id(source, text, raw_date, raw_rating)
    row[PREVIOUS_ID] = content_id(source, None, text)


def number_repeats(rows: Sequence[dict[str, Any]]) -> None:
    """Tell identical id-less rows of one file apart (in place): the n-th gets ``repeated_id(id, n)``."""
    seen: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if PREVIOUS_ID in row:
            key = (row["source"], row["external_id"])
            seen[key] += 1
            row["external_id"] = repeated_id(row["external_id"], seen[key])


def adopt_previous_ids(session: Session, brand_id: int, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` without :data:`PREVIOUS_ID`, one row per stored old id taking it back (see the module docstring)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    out = []
    for row in rows:
        row = dict(row)
        previous = row.pop(PREVIOUS_ID, None)
        if previous is not None:
            groups.setdefault((row["source"], previous), []).append(row)
        out.append(row)
    wanted = sorted({old for _, old in groups})
    for start in range(0, len(wanted), _CHUNK):
        stored = session.exec(
            select(Review.source, Review.external_id, Review.published_at, Review.rating_raw).where(
                Review.brand_id == brand_id, col(Review.external_id).in_(wanted[start:start + _CHUNK])
            )
        ).all()
        for source, old, published_at, rating_raw in stored:
            group = groups.get((source, old))
            if group is None:
                continue
            when = as_utc(published_at) if published_at is not None else None
            same = [r for r in group
                    if same_day_as_stored(parse_datetime(r["published_at"]), when) and r["rating_raw"] == rating_raw]
            owner = next((r for r in group if r["external_id"] == old), None)  # no date, no rating: its own id
            chosen = same[0] if same else owner or group[0]
            if owner is not None and owner is not chosen:  # the stored review is another row's: swap their ids
                owner["external_id"] = chosen["external_id"]
            chosen["external_id"] = old
    return out
