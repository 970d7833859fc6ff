"""Reviews stored under the id crawls before gave them, where crawls now give another.

Crawls took a review's link to its page or item (``"url": "/mug/"``, ``/mug#reviews``) for its id,
or scoped its anchor to the item's name as a link read as its URL (``item:https://shop.example/mug#r7``);
the row carries that id in ``extra[LINK_ID]``. Where several reviews of a page shared the link, crawls
gave each the content id instead (source, author, text), so that is where such a review is stored. And
a name given as a link (the author) was read as the link (``extra[LINK_NAMES]``,
:mod:`models.crud.link_names`), which changed the content id. A review stored under one of those ids
that says what the row says (its text, by its author as read now or before) takes the row's id, when
none is stored under it: it is the same review, not stored again, and neither is the next one shown
under the same link.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from models.crud.link_names import LINK_NAMES, authors_of
from models.crud.stored_external_ids import stored_rows
from models.identity import content_id, legacy_content_id
from models.review_fields import fit_external_id
from models.tables import Review

#: ``extra`` key of a crawl row: the id crawls before gave it, where it differs from the row's
#: (``crawlers.extract.review_ids.LINK_ID`` writes the same key).
LINK_ID = "link_id"


def _ids_before(row: dict[str, Any]) -> list[str]:
    """The ids a crawl before this may have stored the row's review under, most likely first."""
    extra = row.get("extra") or {}
    link = fit_external_id(extra.get(LINK_ID))
    if link is None and (extra.get(LINK_NAMES) or {}).get("author") is None:
        return []  # crawls before gave it the id it has
    source, text = row["source"], row["text"]
    ids = [link] if link else []
    for author in authors_of(row):
        ids += [content_id(source, author, text), legacy_content_id(source, author, text)]
    return list(dict.fromkeys(i for i in ids if i != row["external_id"]))


def _stored(session: Session, brand_id: int, source: str, ids: list[str]) -> dict[str, tuple[int | None, str]]:
    """Of ``ids``, those stored: id -> (the review's row id, its content id as stored)."""
    return {external_id: (review_id, content_id(source, author, text)) for review_id, external_id, author, text
            in stored_rows(session, brand_id, source, ids, Review.id, Review.external_id, Review.author, Review.text)}


def adopt_link_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Give a review stored under an id crawls before gave a row (its link, its content ids as read before)
    that says what the row says the row's id, when none is stored under it; how many. Under one link crawls
    may have stored any review shown there: only the same one moves, and each at most once."""
    wanted = {id(row): before for row in values if (before := _ids_before(row))}
    moved = 0
    for source in sorted({row["source"] for row in values if id(row) in wanted}):
        mine = [row for row in values if row["source"] == source and id(row) in wanted]
        taken = {row["external_id"] for row in values if row["source"] == source}  # the batch's own: they stay
        new = _stored(session, brand_id, source, [row["external_id"] for row in mine])
        found = _stored(session, brand_id, source, [i for row in mine for i in wanted[id(row)]])
        for row in mine:
            says = {content_id(source, author, row["text"]) for author in authors_of(row)}
            match = next((i for i in wanted[id(row)] if i in found and i not in taken and found[i][1] in says), None)
            if match is None or row["external_id"] in new:
                continue
            session.execute(update(Review).where(col(Review.id) == found.pop(match)[0]).values(
                external_id=row["external_id"]))
            new[row["external_id"]] = (0, "")
            moved += 1
    return moved
