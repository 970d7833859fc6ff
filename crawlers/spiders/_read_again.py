"""Reviews one crawl reads twice: a review is emitted once, and a page of repeats ends pagination.

A site that answers ``?page=N`` past its last page with the same page again, with
a next link to N+1, would keep a crawl going for ever: the reviews it has read
are remembered by the identity the known-ids check uses, one met again is counted
(``crawlers.stats.REPEATED``) and dropped, and a page holding only those stops
pagination (``IncrementalMixin.should_follow_next``).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from crawlers import stats as keys
from models.identity import content_id, is_content_id


class ReadAgainMixin:
    """The read-again bookkeeping of :class:`crawlers.spiders._incremental.IncrementalMixin`."""

    name: str
    crawler: Crawler
    _read: set[tuple[str, str]]  # identities of the reviews this crawl has read
    _read_again: set[tuple[str, str]]  # ... and of those it met on a later page again

    def read_key(self, item: Any) -> tuple[str, str] | None:
        """The identity the known-ids check uses (``KnownReviews.contains``): (source, the site's id, else content id).

        None for a review with no id, author or text (a bare rating): nothing tells two such apart.
        """
        source = item.get("source") or self.name
        external_id, author, text = item.get("external_id"), item.get("author"), item.get("text")
        if not (external_id or author or text):
            return None
        return source, content_id(source, author, text) if is_content_id(external_id, source, author, text) else external_id

    def read_before(self, item: Any) -> bool:
        """Did this crawl read ``item`` on an earlier page (so :meth:`IncrementalMixin.keep` dropped it here)?"""
        key = self.read_key(item)
        return key is not None and key in self._read_again

    def first_read(self, item: Any) -> bool:
        """Note ``item`` as read; False (counted) when this crawl read it before."""
        key = self.read_key(item)
        if key is not None:
            if key in self._read:
                self._read_again.add(key)
                self.crawler.stats.inc_value(keys.REPEATED)
                return False
            self._read.add(key)
        return True
