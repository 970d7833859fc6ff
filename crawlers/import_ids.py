"""Ids for imported rows with neither an id nor an author, and the id such a row had before.

Such a row's id covers its text, date and rating cells
(``models.identity.imported_content_id``), each in one canonical form so that a
file re-saved by a spreadsheet keeps its ids: a rating cell holding a whole
number as its integer text (``3.0`` is ``3``), a date cell naming a day as
``YYYY-MM-DD`` (``3/5/2024`` is ``2024-03-05``; a time or a relative date such as
"2 days ago" stays as written). The most common forms (``3``, ``2024-03-05``) are
already canonical, so their ids are the ones imports always gave. Rows identical
in all of them are told apart by their order (the 2nd, 3rd... gets ``repeated_id``),
so each is stored and importing the same file again stores nothing new.

A row whose cells were written another way (``3.0``, ``March 5, 2024``), or whose numeric
date fits both day/month orders (``05/03/2024``) and was read in the other order then, had
another id; it keeps those, and takes one back where the store holds it
(``crawlers.import_other_ids``).

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

from sqlmodel import Session

from crawlers.extract.team_days import same_day_as_stored
from crawlers.import_id_cells import date_key, rating_key
from crawlers.import_other_ids import ORDER_IDS, WRITTEN_ID, adopt_other_ids, give_other_ids, stored_reviews
from models.datetimes import as_utc, parse_datetime
from models.identity import content_id, imported_content_id, repeated_id
from models.review_fields import clean_str, cut_str, fit_external_id
from models.tables import Review

PREVIOUS_ID = "_previous_content_id"  # dropped by adopt_previous_ids: never stored


def give_import_id(row: dict[str, Any], raw_date: object, raw_rating: object, *, date_order: str | None = None) -> None:
    """Give ``row`` its content id (in place) if it has neither an id nor an author; ``date_order`` is the
    file's (``crawlers.import_date_order``), never a language."""
    if fit_external_id(row["external_id"]) is not None or cut_str(row["author"], 300) is not None:
        return
    source, text = clean_str(row["source"]).strip()[:200], clean_str(row["text"]).strip()  # as the store reads them
    day, stars = date_key(raw_date, date_order=date_order), rating_key(raw_rating)
    row["external_id"] = imported_content_id(source, text, day, stars)
    row[PREVIOUS_ID] = content_id(source, None, text)
    give_other_ids(row, source, text, (raw_date, raw_rating), day, stars, date_order)


def number_repeats(rows: Sequence[dict[str, Any]]) -> None:
    """Tell identical id-less rows of one file apart (in place): the n-th gets ``repeated_id(id, n)``
    (its id as written and under each order too, numbered as an import of the file so numbered it)."""
    seen: Counter[tuple[str, str, str]] = Counter()

    def numbered(kind: str, source: str, given: str) -> str:
        seen[(kind, source, given)] += 1
        return repeated_id(given, seen[(kind, source, given)])

    for row in rows:
        if PREVIOUS_ID in row:
            for field in ("external_id", WRITTEN_ID):
                row[field] = numbered(field, row["source"], row[field])
            row[ORDER_IDS] = {order: numbered(order, row["source"], i) for order, i in row[ORDER_IDS].items()}


def adopt_previous_ids(session: Session, brand_id: int, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` without :data:`PREVIOUS_ID` (nor ``crawlers.import_other_ids``' ids), stored old ids taken
    back (see the module docstring)."""
    out = [dict(row) for row in rows]
    for row in adopt_other_ids(session, brand_id, out):
        row.pop(PREVIOUS_ID, None)  # stored under another id of its own: not one of the text-only group
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in out:
        previous = row.pop(PREVIOUS_ID, None)
        if previous is not None:
            groups.setdefault((row["source"], previous), []).append(row)
    olds = {old for _, old in groups}
    for source, old, published_at, rating_raw in stored_reviews(session, brand_id, olds, Review.published_at,
                                                                Review.rating_raw):
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
