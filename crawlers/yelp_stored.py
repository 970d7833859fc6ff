"""Yelp reviews the store holds under Yelp's own ids, found again by what they say.

A Yelp page without its embedded review feed is read from its JSON-LD, which has no
review ids (``crawlers.parsers.yelp_reviews``): its rows would get content ids, and
every review a night stored under its Yelp id was stored a second time. An id-less
row takes the id of the stored review with its author, its day and its text (spaces
aside) instead. So does one the store holds under the content id of the JSON-LD as it was
read before its authors and text were read as written (an ``@id`` author stored as None,
``I&#39;d`` kept): it is found by the text as read now, by its author or by none. Read from
the store once, on the first such page of a crawl.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from crawlers.extract.node_text import text_of
from crawlers.extract.team_days import same_day_as_stored
from models.identity import is_content_id

SOURCE = "yelp"

#: (author, text with its spaces collapsed) -> [(published_at, external id)]
Index = dict[tuple[str | None, str], list[tuple[datetime | None, str]]]


def _key(author: str | None, text: str | None) -> tuple[str | None, str]:
    return author, " ".join((text or "").split())


class StoredYelpReviews:
    """The brand's stored Yelp reviews with Yelp ids, by author and text."""

    def __init__(self, rows: list[tuple[str, str | None, str | None, datetime | None]]) -> None:
        self._index: Index = defaultdict(list)
        for external_id, author, text, published in rows:
            when = published.replace(tzinfo=UTC) if published and published.tzinfo is None else published
            if not is_content_id(external_id, SOURCE, author, text):
                self._index[_key(author, text)].append((when, external_id))
            elif author is None or _key(author, text_of(text)) != _key(author, text):  # read before, as it was
                self._index[_key(author, text_of(text))].append((when, external_id))

    @classmethod
    def load(cls, database_url: str, brand: str) -> StoredYelpReviews:
        from sqlmodel import select

        from models import crud
        from models.db import get_engine, session_scope
        from models.tables import Review

        with session_scope(get_engine(database_url), write=False) as session:
            found = crud.get_brand(session, brand)
            if found is None:
                return cls([])
            rows = session.exec(select(Review.external_id, Review.author, Review.text, Review.published_at).where(
                Review.brand_id == found.id, Review.source == SOURCE)).all()
        return cls([tuple(row) for row in rows])  # type: ignore[misc]

    def id_of(self, row: dict[str, Any]) -> str | None:
        """The Yelp id the store holds the review of ``row`` under (same author, day and text); else None."""
        for author in dict.fromkeys((row.get("author"), None)):  # None: an ``@id`` author read as none before
            for published, external_id in self._index.get(_key(author, row.get("text")), []):
                if same_day_as_stored(row.get("published_at"), published):
                    return external_id
        return None
