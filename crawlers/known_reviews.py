"""The reviews a brand already has, per source: what an incremental crawl recognises and stops at.

Started by ``crawlers.runner``, a crawl gets them in a file the runner wrote
(``CRAWL_KNOWN_FILE``, ``crawlers.run_store``) and never queries the store for
them; a plain ``scrapy crawl`` with a store reads them from it, once per source.
Without a store nothing is known, so every page is followed.
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
                 handed: dict[str, set[str]] | None = None):
        self.spider = spider  # its reply window: recent unanswered reviews are not "known" (crawlers.reply_window)
        self.brand = brand
        self.db_url = db_url
        self.handed = handed  # the runner's ids of every source of the brand
        self._ids: dict[str, set[str]] = {}
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

    def _query(self, source: str, brand: str, db_url: str) -> set[str]:
        from models import crud
        from models.db import get_engine, session_scope
        from models.stored import stored_id

        with session_scope(get_engine(db_url)) as session:
            if self._brand_id is None:
                self._brand_id = stored_id(crud.get_or_create_brand(session, brand))
            return set(crud.known_external_ids(
                session, brand_id=self._brand_id, source=source,
                awaiting_reply_since=awaiting_reply_since(self.spider),
            ))

    def contains(self, item: Any) -> bool:
        """Already stored? By the review's own id, else by the content id the store gives id-less reviews."""
        source = item.get("source") or self.spider
        known = self.ids(source)
        if not known:
            return False
        external_id = item.get("external_id")
        author, text = item.get("author"), item.get("text")
        if is_content_id(external_id, source, author, text):  # no id from the site: either content id
            return content_id(source, author, text) in known or legacy_content_id(source, author, text) in known
        return external_id in known
