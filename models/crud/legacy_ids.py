"""Keep reviews stored under the crawlers' old ids deduping: old content ids and relative ids.

Before ``models.identity`` held the one content-id formula, crawls gave
id-less reviews ``h:`` ids and the store ``sha1:`` ones. A row whose id is the
current content id takes the stored ``h:`` id instead when the store holds the
review under it, so the insert finds the conflict and stores nothing twice.

Crawls also kept a review id the site writes as a relative IRI (``"@id":
"review-1"``) as written, so one product's ``review-1`` was another's. Now it is
resolved against its page and the row carries the id as written in
``extra[RELATIVE_ID]``: a review stored under that id *with the row's url* (the
same page) takes the absolute id (an UPDATE), so the insert finds the conflict
and later crawls know it. One stored under it from another page is another
review and keeps its id.

An anchor id (``"@id": "#review-7"``) was joined to the page's URL
(``/p?page=1#review-7``), so a review that moved to page 2 got a new one; it is now
scoped to the item reviewed. A review stored under the anchor joined to a page of
the row's listing (same host and path, any query) of the same item takes the
row's id, wherever the review has moved since.

A review stored under a link to its page or item (what crawls took for its id), or
under ids made of a name given as a link (read as the link), is :mod:`models.crud.link_ids`;
its author and title as read before are :mod:`models.crud.link_names`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urldefrag, urlsplit

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.crud.link_ids import adopt_link_ids
from models.crud.link_names import adopt_link_names
from models.crud.stored_external_ids import stored_ids, stored_rows
from models.identity import content_id, legacy_content_id
from models.review_fields import fit_external_id
from models.tables import Review

#: ``extra`` key of a crawl row: its id as the site wrote it, a relative IRI
#: (``crawlers.extract.review_ids.RELATIVE_ID`` writes the same key).
RELATIVE_ID = "relative_id"


def adopt_legacy_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Rewrite (in place) content ids of rows stored under their legacy id, move reviews stored
    under a row's id as crawls before gave it to the row's id, and give them the names as read
    now; return how many rows and reviews that changed."""
    return (_adopt_content_ids(session, brand_id, values) + adopt_relative_ids(session, brand_id, values)
            + _adopt_anchor_ids(session, brand_id, values) + adopt_link_ids(session, brand_id, values)
            + adopt_link_names(session, brand_id, values))


def _adopt_content_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    legacy: dict[tuple[str, str], dict[str, Any]] = {}
    for row in values:
        source, author, text = row["source"], row["author"], row["text"]
        if row["external_id"] == content_id(source, author, text):
            legacy[(source, legacy_content_id(source, author, text))] = row
    if not legacy:
        return 0
    stored = stored_rows(session, brand_id, None, [external_id for _, external_id in legacy],
                         Review.source, Review.external_id)
    for source, external_id in stored:
        adopted = legacy.get((source, external_id))
        if adopted is not None:
            adopted["external_id"] = external_id
    return len(stored)


def adopt_relative_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Give reviews stored under a row's relative id, with the row's url, the row's absolute id; how many."""
    wanted: dict[str, dict[tuple[str, str], str]] = {}  # source -> (relative id, url) -> absolute id
    for row in values:
        written = fit_external_id((row.get("extra") or {}).get(RELATIVE_ID))
        if written and not written.startswith("#") and row.get("url") and written != row["external_id"]:
            wanted.setdefault(row["source"], {})[(written, row["url"])] = row["external_id"]
    moved = 0
    for source, by_written in wanted.items():
        stored = stored_rows(session, brand_id, source, {written for written, _ in by_written},
                             Review.id, Review.external_id, Review.url)
        moves = [(review_id, by_written[(external_id, url or "")]) for review_id, external_id, url in stored
                 if (external_id, url or "") in by_written]  # not another page's review
        taken = stored_ids(session, brand_id, source, {absolute for _, absolute in moves})
        for review_id, absolute in moves:
            if absolute in taken:
                continue  # the absolute id is stored already: both stay
            session.execute(update(Review).where(col(Review.id) == review_id).values(external_id=absolute))
            taken.add(absolute)
            moved += 1
    return moved


def _adopt_anchor_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Give a review stored under a page URL and the row's anchor (``/p?page=1#review-7``) the row's id."""
    rows = [row for row in values if str((row.get("extra") or {}).get(RELATIVE_ID) or "").startswith("#")]
    moved = 0
    for source in sorted({row["source"] for row in rows}):
        ids = [row["external_id"] for row in rows if row["source"] == source]
        stored = stored_ids(session, brand_id, source, ids)
        fresh = [row for row in rows if row["source"] == source and row["external_id"] not in stored]
        for batch in chunks(fresh, 100):
            anchors = sorted({row["extra"][RELATIVE_ID] for row in batch})
            candidates = list(session.exec(select(Review.id, Review.external_id, Review.extra).where(
                Review.brand_id == brand_id, Review.source == source,
                or_(*[col(Review.external_id).endswith(anchor, autoescape=True) for anchor in anchors]),
            ).order_by(col(Review.id))))
            for row in batch:
                match = next((c for c in candidates if _same_anchor(c[1], c[2], row)), None)
                if match is not None:
                    session.execute(update(Review).where(col(Review.id) == match[0]).values(
                        external_id=row["external_id"]))
                    candidates.remove(match)
                    moved += 1
    return moved


def _same_anchor(external_id: str, extra: Mapping[str, Any] | None, row: dict[str, Any]) -> bool:
    """Stored under the row's anchor joined to a page of its listing, as the review of the same item?"""
    base, fragment = urldefrag(external_id)
    old, new = urlsplit(base), urlsplit(row.get("url") or "")
    return (f"#{fragment}" == row["extra"][RELATIVE_ID] and old.scheme in ("http", "https")
            and (old.hostname, old.path) == (new.hostname, new.path)
            and (extra or {}).get("item_reviewed") == row["extra"].get("item_reviewed"))
