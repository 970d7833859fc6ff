"""The store and the ``CrawlRun`` row of a plain ``scrapy crawl``, which has no runner to open them.

``crawlers.runner`` opens the store and the run before the crawl process starts
(``crawlers.run_store``); a crawl started with ``scrapy crawl`` does it here,
from :class:`crawlers.pipelines.StorePipeline`. The store's modules are imported
only when called, so a crawl with nothing new never loads them.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from scrapy.statscollectors import StatsCollector

from crawlers import stats as keys
from crawlers.stats_summary import summarise
from models.status import CrawlStatus

logger = logging.getLogger(__name__)


def open_store(url: str, *, migrated: bool, stats: StatsCollector) -> Any:
    """The store's engine (migrated first unless the runner did it); why not, in the crawl's stats."""
    from models.db import get_engine, init_db

    try:
        return get_engine(url) if migrated else init_db(url)
    except Exception as exc:
        from models.db_url import mask_password

        message = f"cannot open the store {mask_password(url)}: {type(exc).__name__}: {exc}"
        stats.set_value(keys.FIRST_ERROR, message.splitlines()[0][:1000])
        raise


def open_crawl_run(engine: Any, *, brand: str, source_id: int | None, spider: str) -> tuple[int, int]:
    """The brand's id (created if new) and a new running ``CrawlRun``'s id."""
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id

    with session_scope(engine) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, brand))
        run = crud.start_crawl_run(session, brand_id=brand_id, source_id=source_id, spider=spider)
        session.flush()
        return brand_id, stored_id(run)


def finish_crawl_run(engine: Any, run_id: int, stats: dict[str, Any], reason: str) -> None:
    """Close the run with the crawl's counts and outcome; a failure here is logged, not raised."""
    from models import crud
    from models.db import session_scope

    summary = summarise(stats, reason=reason)
    try:
        with session_scope(engine) as session:
            crud.finish_crawl_run(
                session,
                run_id,
                status=CrawlStatus.ok if summary["ok"] else CrawlStatus.failed,
                pages=summary["pages"],
                items_scraped=summary["items_scraped"],
                items_new=summary["items_new"],
                errors=summary["errors"],
                error_message=summary["error_message"],
                pages_unread=summary["pages_unread"] if summary["ok"] else 0,
                since_cut=date.fromisoformat(summary["since_cut"]) if summary["since_cut"] else None,
            )
    except Exception:  # noqa: BLE001 - the reviews are stored; the run row is bookkeeping
        logger.exception("could not finish crawl run %s", run_id)
