"""The store's side of a crawl, done by the runner around the crawl process.

The runner's process already has the store open; a crawl process that opens
it too pays for importing SQLModel and the tables (~0.5 s of CPU) before it
fetches a page. So, for each crawl, the runner migrates the store (:mod:`crawlers.store_upkeep`), opens the
``CrawlRun``, writes the ids the brand already has (every source's; once per brand and
batch of crawls, :mod:`crawlers.brand_snapshot`) to a JSON file the spider
reads (``KNOWN_FILE``; those the reply window reads again to
``AWAITING_FILE``), and the brand's page states (validators and kinds of
the pages its crawls read, ``crawlers.page_state``) to another
(``PAGES_FILE``), the day an earlier crawl's pagination stopped at ``since``
(``SINCE_CUT``, ``crawlers.spiders._next_pages``), ``CRAWL_FULL`` when the last ok crawl of the
source could not fetch a next page (any crawl after it reads every page, not only the nightly one): both
read from that run's columns (``CrawlRun.since_cut``, ``pages_unread``), and closes the run with the
crawl's counts (those columns too) once the process has ended, killed or not. The crawl process imports the store only to
write new reviews: one with nothing new never does.

The settings that hand these over are named in :mod:`crawlers.run_handover`.
A plain ``scrapy crawl`` (no runner) does all of this itself
(``crawlers.pipelines.store_run``, ``crawlers.known_reviews``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from crawlers.brand_snapshot import read_snapshot, snapshot_files, write_snapshot
from crawlers.reply_window import awaiting_reply_since
from crawlers.run_handover import AWAITING_FILE, BRAND_ID, KNOWN_FILE, PAGES_FILE, RUN_ID, SINCE_CUT
from models.status import CrawlStatus

logger = logging.getLogger(__name__)


def open_run(
    database_url: str, *, brand: str, source_id: int | None, spider: str, known_file: Path, shared: bool = False
) -> dict[str, Any]:
    """Open the crawl's run and write what the brand already has (reviews, page states); the settings
    that hand them over.

    ``shared``: ``known_file``'s folder is its batch's (``crawlers.runner.run_crawls``), whose crawls of
    the brand share one snapshot of it (:mod:`crawlers.brand_snapshot`): written by the first, reused after.
    Empty when the store cannot be opened here: the crawl process then opens it
    itself and reports the error with the store's URL.
    """
    try:
        from models import crud
        from models.crud.crawl_runs import last_ok_run
        from models.db import get_engine, session_scope
        from models.stored import stored_id

        with session_scope(get_engine(database_url)) as session:
            brand_id = stored_id(crud.get_or_create_brand(session, brand))
            last = last_ok_run(session, brand_id=brand_id, source_id=source_id, spider=spider)
            cut = last.since_cut.isoformat() if last is not None and last.since_cut is not None else None
            # its next pages failed: any crawl reads every page (an incremental one stopped before them and its
            # run, with no note, hid the gap from the nightly check)
            gap = last is not None and last.pages_unread > 0
            run_id = crud.start_crawl_run(session, brand_id=brand_id, source_id=source_id, spider=spider).id
            since = awaiting_reply_since(spider)
            files = snapshot_files(known_file, database_url=database_url, brand_id=brand_id, since=since, shared=shared)
            contents = read_snapshot(session, files, brand_id=brand_id, since=since, reuse=shared)
        write_snapshot(contents)
    except Exception:  # noqa: BLE001 - the crawl process opens the store itself and says why
        logger.debug("could not open a crawl run in %s", database_url, exc_info=True)
        return {}
    return {RUN_ID: run_id, BRAND_ID: brand_id, KNOWN_FILE: str(files.known), AWAITING_FILE: str(files.awaiting),
            PAGES_FILE: str(files.pages), **({SINCE_CUT: cut} if cut else {}), **({"CRAWL_FULL": True} if gap else {})}


def close_run(
    database_url: str, run_id: int, stats: Mapping[str, Any], *, ok: bool, message: str | None
) -> tuple[int, int] | None:
    """Record how the crawl ended (its counts from the stats file); a crawl that died is ``failed``.

    ``message``: why it failed, or an ok crawl's note of pages left unread
    (``crawlers.crawl_notes.unread_note``); what an ok crawl left unread is kept in columns
    too, from ``stats`` (``pages_unread``: failed next pages, not those a page cap left; ``since_cut``). A crawl killed before writing its final
    counts (timed out) gets the reviews it stored under the run, as in
    ``models.crud.crawl_runs.close_abandoned_runs``: zeros would hide the gap
    it left from the next crawl. The (new, found) reviews recorded; None if the store failed.
    """
    new, found = int(stats.get("items_new", 0) or 0), int(stats.get("items_scraped", 0) or 0)
    unread = int(stats.get("pages_unread", stats.get("failed_follows", 0)) or 0) if ok else 0
    try:
        cut = date.fromisoformat(stats["since_cut"]) if ok and stats.get("since_cut") else None
        from models import crud
        from models.crud.crawl_runs import stored_by_run
        from models.db import get_engine, session_scope

        with session_scope(get_engine(database_url)) as session:
            if stats.get("status") not in (CrawlStatus.ok, CrawlStatus.failed):  # killed: no final counts
                stored = stored_by_run(session, run_id)
                new, found = max(new, stored), max(found, stored)
            crud.finish_crawl_run(
                session, run_id, status=CrawlStatus.ok if ok else CrawlStatus.failed,
                pages=int(stats.get("pages", 0) or 0), items_scraped=found, items_new=new,
                errors=int(stats.get("errors", 0) or 0), error_message=message, pages_unread=unread, since_cut=cut,
            )
    except Exception:  # noqa: BLE001 - the reviews are stored; the run row is bookkeeping
        logger.exception("could not close crawl run %s", run_id)
        return None
    return new, found
