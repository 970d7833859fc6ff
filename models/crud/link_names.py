"""Reviews whose author or title crawls read as a link (its URL, or no one) take the name as read now.

A name given as a link (``By <a itemprop="author" href="/users/ann">Ann</a>``, a review's title
linking to its page) was read as the link's URL in microdata and as no name in RDFa; crawls now read
the link's text, and the row carries the values as read before in ``extra[LINK_NAMES]``
(``{"author": ..., "title": ...}``, ``""`` for none). :mod:`models.crud.link_ids` finds a review
stored under the content id of the author as read before; here the review stored under the row's id
that still carries a value as read before takes the one read now, in place: the same review, whose
author or title was misread, not an edit of it (no new scores, not counted as edited).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from models.crud.stored_external_ids import stored_rows
from models.review_fields import cut_str
from models.schemas import STRING_LENGTHS
from models.tables import Review

#: ``extra`` key of a crawl row (``crawlers.extract.link_names.LINK_NAMES`` writes the same key).
LINK_NAMES = "link_names"


_FIELDS = {name: STRING_LENGTHS[name] for name in ("author", "title")}  # cut as the store cuts them


def names_before(row: dict[str, Any]) -> dict[str, str | None]:
    """The row's author and title as crawls before read them, cut as stored, where they differ from its own."""
    before = (row.get("extra") or {}).get(LINK_NAMES) or {}
    return {name: cut_str(before[name], length) for name, length in _FIELDS.items() if isinstance(
        before.get(name), str)}


def authors_of(row: dict[str, Any]) -> list[str | None]:
    """Whom the row's review is by: as read now, and as crawls before read it where that differs."""
    before = names_before(row)
    return [row["author"], before["author"]] if "author" in before else [row["author"]]


def _same(stored: str | None, before: str | None) -> bool:
    return " ".join((stored or "").split()) == " ".join((before or "").split())


def adopt_link_names(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Give the review stored under a row's id the row's author and title where it still has them as read
    before; how many reviews."""
    rows = [row for row in values if names_before(row)]
    fixed = 0
    for source in sorted({row["source"] for row in rows}):
        by_id = {row["external_id"]: row for row in rows if row["source"] == source}
        for review_id, external_id, author, title in stored_rows(
                session, brand_id, source, by_id, Review.id, Review.external_id, Review.author, Review.title):
            row = by_id[external_id]
            stored = {"author": author, "title": title}
            names = {name: row[name] for name, before in names_before(row).items()
                     if row[name] and _same(stored[name], before) and not _same(stored[name], row[name])}
            if names:
                session.execute(update(Review).where(col(Review.id) == review_id).values(**names))
                fixed += 1
    return fixed
