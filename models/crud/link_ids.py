"""Reviews stored under a link to their page or item, which crawls took for a review's id.

Crawls took a review's link to its page or item (``"url": "/mug/"``, ``/mug#reviews``) for its id;
now it has none (the content id) and the row carries that link in ``extra[LINK_ID]``. A review
stored under the link that says what the row says (same author and text) takes the row's id, so
neither it nor the next review shown under the same link is stored twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.identity import content_id
from models.review_fields import fit_external_id
from models.tables import Review

#: ``extra`` key of a crawl row: the link to its page or item that crawls before took for its id
#: (``crawlers.extract.review_ids.LINK_ID`` writes the same key).
LINK_ID = "link_id"


def is_stored(session: Session, brand_id: int, source: str, external_id: str) -> bool:
    """Does the store hold a review of (brand, source) under ``external_id``?"""
    found = session.exec(
        select(Review.id).where(
            Review.brand_id == brand_id, Review.source == source, Review.external_id == external_id
        )
    ).first()
    return found is not None


def adopt_link_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Give a review stored under a row's link to its page (``extra[LINK_ID]``) that says what the row
    says (its author and text) the row's id; how many. Under one link crawls may have stored any
    review shown there: only the same one moves."""
    rows = [row for row in values if fit_external_id((row.get("extra") or {}).get(LINK_ID)) not in (None, row["external_id"])]
    moved = 0
    for source in sorted({row["source"] for row in rows}):
        mine = [row for row in rows if row["source"] == source]
        links = sorted({link for row in mine if (link := fit_external_id(row["extra"][LINK_ID]))})
        found = {(link, content_id(source, author, text)): review_id for batch in chunks(links, 500)
                 for review_id, link, author, text in session.exec(select(
                     Review.id, Review.external_id, Review.author, Review.text).where(
                     Review.brand_id == brand_id, Review.source == source, col(Review.external_id).in_(batch)))}
        for row in mine:
            key = (fit_external_id(row["extra"][LINK_ID]), content_id(source, row["author"], row["text"]))
            if key in found and not is_stored(session, brand_id, source, row["external_id"]):
                session.execute(update(Review).where(col(Review.id) == found.pop(key)).values(
                    external_id=row["external_id"]))
                moved += 1
    return moved
