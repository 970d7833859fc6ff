"""The reviews a brand already has, per source: what an incremental crawl recognises and stops at.

Started by ``crawlers.runner``, a crawl gets them in a file the runner wrote
(``CRAWL_KNOWN_FILE``, ``crawlers.run_store``) and never queries the store for
them; a plain ``scrapy crawl`` with a store reads them from it, once per source.
Without a store nothing is known, so every page is followed. It also tells
which name a review is stored under (:meth:`KnownReviews.label_for`): pages of one
source served from another host keep the start URL's source, except reviews that
earlier crawls stored under the page host's name, awaiting a reply or not.
"""

from __future__ import annotations

import logging
from typing import Any

from crawlers.reply_window import awaiting_reply_since
from models.identity import content_id, is_content_id, legacy_content_id

logger = logging.getLogger(__name__)


class KnownReviews:
    """External ids stored for (brand, source), loaded on first use of each source."""

    def __init__(self, spider: str, brand: str | None = None, db_url: str | None = None,
                 handed: dict[str, set[str]] | None = None, handed_awaiting: dict[str, set[str]] | None = None):
        self.spider = spider  # its reply window: recent unanswered reviews are not "known" (crawlers.reply_window)
        self.brand = brand
        self.db_url = db_url
        self.handed = handed  # the runner's ids of every source of the brand
        self.handed_awaiting = handed_awaiting  # and those its reply window leaves out (stored all the same)
        self._ids: dict[str, set[str]] = {}
        self._awaiting: dict[str, set[str]] = {}
        self._brand_id: int | None = None

    def ids(self, source: str) -> set[str]:
        """External ids already stored for (brand, ``source``); empty without a store or a brand."""
        if source in self._ids:
            return self._ids[source]
        if self.handed is not None:
            ids = self.handed.get(source, set())
        elif self.db_url and self.brand:
            ids = self._query(source, self.brand, self.db_url)
        else:
            self._ids[source] = set()
            return self._ids[source]
        logger.info("%d reviews already stored for %s / %s", len(ids), self.brand, source)
        self._ids[source] = ids
        return ids

    def awaiting(self, source: str) -> set[str]:
        """Ids stored for (brand, ``source``) that :meth:`ids` leaves out: recent reviews awaiting a reply."""
        if source in self._awaiting:
            return self._awaiting[source]
        if self.handed is not None:
            ids = (self.handed_awaiting or {}).get(source, set())
        elif self.db_url and self.brand:
            ids = self._query(source, self.brand, self.db_url, awaiting=True)
        else:
            ids = set()
        self._awaiting[source] = ids
        return ids

    def _query(self, source: str, brand: str, db_url: str, awaiting: bool = False) -> set[str]:
        from models import crud
        from models.crud.review_lookups import awaiting_reply_ids_by_source
        from models.db import get_engine, session_scope
        from models.stored import stored_id

        since = awaiting_reply_since(self.spider)
        with session_scope(get_engine(db_url)) as session:
            if self._brand_id is None:
                self._brand_id = stored_id(crud.get_or_create_brand(session, brand))
            if awaiting:
                by_source = awaiting_reply_ids_by_source(
                    session, brand_id=self._brand_id, awaiting_reply_since=since, source=source
                )
                return set(by_source.get(source, []))
            return set(crud.known_external_ids(
                session, brand_id=self._brand_id, source=source, awaiting_reply_since=since,
            ))

    def contains(self, item: Any) -> bool:
        """Already stored? By the review's own id, else by the content id the store gives id-less reviews."""
        source = item.get("source") or self.spider
        return _holds(self.ids(source), item, source)

    def label_for(self, item: Any, source: str, page_source: str) -> str:
        """The source ``item`` is stored under: the crawl's, unless the store holds it under its page's host
        (read there by a crawl before the start URL named the source), so it is never stored twice."""
        if page_source != source and self.stored({**item, "source": page_source}):
            return page_source
        return source

    def stored_any(self, source: str) -> bool:
        """Does the store hold any review of (brand, ``source``), awaiting a reply or not?"""
        return bool(self.ids(source) or self.awaiting(source))

    def stored(self, item: Any) -> bool:
        """Stored at all, even as a recent review awaiting a reply (which :meth:`contains` leaves out)?"""
        source = item.get("source") or self.spider
        return self.contains(item) or _holds(self.awaiting(source), item, source)


def _holds(ids: set[str], item: Any, source: str) -> bool:
    """Is ``item``'s id among ``ids`` (the site's id, else either content id under ``source``)?"""
    if not ids:
        return False
    external_id = item.get("external_id")
    author, text = item.get("author"), item.get("text")
    if is_content_id(external_id, source, author, text):  # no id from the site: either content id
        return content_id(source, author, text) in ids or legacy_content_id(source, author, text) in ids
    return external_id in ids
