"""The store made ready for a batch of crawls, by the runner before any crawl process starts.

Migrated once here, so no crawl process needs Alembic, and the runs a killed process
left ``running`` closed as failed before new ones open (:mod:`crawlers.crawl_job`).
Neither stops a crawl: the crawl process reports a store it cannot open itself.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("crawlers.run_store")  # the name these messages have always been logged under


def migrate(database_url: str) -> bool:
    """Migrate the store here, once, so no crawl process needs Alembic.

    False when it fails: the crawl process then tries itself and reports why.
    """
    try:
        from models.db import init_db

        init_db(database_url)
    except Exception:  # noqa: BLE001 - the crawl process reports the store error with its URL
        logger.debug("could not migrate %s before the crawl", database_url, exc_info=True)
        return False
    return True


def close_abandoned(database_url: str) -> list[int]:
    """Close as failed the crawl runs left ``running`` by a process that has ended (killed)."""
    try:
        from models.crud.crawl_runs import close_abandoned_runs
        from models.db import get_engine, session_scope

        with session_scope(get_engine(database_url)) as session:
            closed = close_abandoned_runs(session)
    except Exception:  # noqa: BLE001 - bookkeeping: the crawl itself can still run
        logger.exception("could not close abandoned crawl runs in %s", database_url)
        return []
    if closed:
        logger.warning("closed %d crawl run(s) left running by a process that ended: %s", len(closed), closed)
    return closed
