"""Reviews to the store, in committed batches, with the page states read before them."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawlers import stats as keys
from crawlers.items import item_to_row
from crawlers.page_state import PageStateItem
from crawlers.pipelines.crawl_run import CrawlRunMixin
from crawlers.pipelines.store_run import open_store
from crawlers.store_url import store_url

logger = logging.getLogger(__name__)


class StorePipeline(CrawlRunMixin):
    """Reviews to the store in committed batches, and a ``CrawlRun`` row for the crawl.

    Each batch of ``CRAWL_STORE_BATCH`` reviews is one transaction
    (``models.crud.upsert_reviews``, idempotent), so a crawl that fails half way
    keeps every batch before the failure. The last batch is committed when the
    spider goes idle, not at close: a crawl that cannot store it still closes
    as ``store_failed`` (at close it would already be ``finished``, its run ok).
    The run is recorded at open and finished with its counts when the spider
    closes (:class:`CrawlRunMixin`).
    """

    def __init__(self, crawler: Crawler, url: str, batch_size: int, migrated: bool = False):
        self.crawler = crawler
        self.url = url
        self.migrated = migrated  # crawlers.runner migrated the store already: no Alembic here
        self.batch_size = max(1, batch_size)
        self.buffer: list[dict[str, Any]] = []
        self.pages: list[dict[str, Any]] = []  # page states, committed with the reviews read before them
        self.engine: Any = None
        self.brand_id: int | None = None
        self.run_id: int | None = None
        self.managed = False  # the run was opened by crawlers.runner, which closes it too
        self.max_text_chars: int | None = None  # UMOT_MAX_REVIEW_CHARS, read when the store opens
        self.failed = False
        self.source_removed = False  # the source's row went during the crawl (said once, in a warning)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        url = store_url(crawler.settings)
        if not url:
            raise NotConfigured
        pipeline = cls(
            crawler, url, crawler.settings.getint("CRAWL_STORE_BATCH", 200),
            migrated=crawler.settings.getbool("CRAWL_STORE_MIGRATED"),
        )
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.spider_idle, signal=signals.spider_idle)
        return pipeline

    def process_item(self, item: Any) -> Any:
        if self.failed:
            raise DropItem("store unavailable; not stored")
        if isinstance(item, PageStateItem):
            self.pages.append(dict(item))
            self.crawler.stats.inc_value(keys.PAGE_STATES)
        else:
            self.buffer.append(item_to_row(item))
        if len(self.buffer) + len(self.pages) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Commit the buffered reviews, and the states of the pages they came from, as one transaction."""
        if not (self.buffer or self.pages) or self.failed:
            return
        from models import crud
        from models.db import session_scope

        assert self.brand_id is not None, "open_spider sets the brand before any item"
        rows, self.buffer = self.buffer, []
        pages, self.pages = self.pages, []
        try:
            if self.engine is None:
                from core.settings import get_settings

                self.engine = open_store(self.url, migrated=self.migrated, stats=self.crawler.stats)
                self.max_text_chars = get_settings().max_review_chars  # once a crawl, not once a batch
            with session_scope(self.engine) as session:
                result = crud.upsert_reviews(
                    session,
                    rows,
                    brand_id=self.brand_id,
                    source_id=getattr(self.spider, "source_id", None),
                    crawl_run_id=self.run_id,
                    max_text_chars=self.max_text_chars,
                )
                crud.save_page_states(session, pages, brand_id=self.brand_id)
        except Exception as exc:  # noqa: BLE001 - stop cleanly, keep earlier batches
            self.failed = True
            reason = (str(exc).strip().splitlines() or [""])[0]  # not the SQL and parameters after it
            message = f"could not store {len(rows)} reviews: {type(exc).__name__}: {reason}"
            logger.exception(message)
            self.crawler.stats.set_value(keys.FIRST_ERROR, message[:1000])
            if self.crawler.engine is not None and self.crawler.engine.running:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_failed"))
            return
        if result.source_removed and not self.source_removed:  # `umot sources remove` during the crawl: said once
            self.source_removed = True
            logger.warning("source #%s was removed during this crawl: its reviews are stored without a source "
                           "(they stay the brand's, as a removed source's reviews do)",
                           getattr(self.spider, "source_id", None))
        self.crawler.stats.inc_value(keys.ITEMS_NEW, result.new)
        self.crawler.stats.inc_value(keys.ITEMS_EDITED, result.edited)
        logger.info("stored %d reviews (%d new, %d edited)", len(rows), result.new, result.edited)

    def spider_idle(self) -> None:
        """Commit the last batch while the crawl may still close as ``store_failed``."""
        self.flush()
        if self.failed:
            raise CloseSpider("store_failed")

    def close_spider(self) -> None:
        self.flush()
