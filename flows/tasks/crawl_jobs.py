"""How one source is crawled tonight: in full or incrementally, with which settings, as which job.

Plain code under the crawl tasks (:mod:`flows.tasks.crawl`): it decides from
the store whether the source's last crawl stopped half way, builds the
``crawlers.runner.CrawlJob`` for it and turns the runner's result into the
source's outcome, so the tasks keep only the Prefect parts (retries, timeouts,
progress).
"""

from __future__ import annotations

from typing import Any

from core.http_url import HttpUrlError, check_http_url
from crawlers.runner import CrawlJob, CrawlResult
from flows.stage_outcomes import SourceOutcome, SourceSpec
from models.status import CrawlStatus

#: Scrapy setting asking a spider to crawl every page, not stop at the first
#: page of known reviews: used after a crawl of the source that never finished.
FULL_CRAWL_SETTING = "CRAWL_FULL"


def last_crawl_unfinished(source_id: int) -> bool:
    """Did a crawl of the source since its last good one stop half way? Then crawl it in full.

    An interrupted crawl (killed: still ``running``, or timed out; failed after
    fetching pages or storing reviews) stored its first pages only; an
    incremental crawl would stop at those known reviews and never reach the
    pages after them. So would one after an ok crawl that could not fetch a
    next page (a hub's failed link leaves no gap: it is followed again; nor does a next page answering 404 or 410, which no crawl gets past): its
    run counts them (``CrawlRun.pages_unread``; its message says so in words: ``crawlers.crawl_notes.unread_note``).
    A crawl that failed before fetching anything (site unreachable)
    left no such gap.
    """
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        for run in crud.list_crawl_runs(session, source_id=source_id, limit=50):
            if run.status == CrawlStatus.ok:  # where --since cut it (since_cut) the crawl reads
                return run.pages_unread > 0  # itself (run_handover.SINCE_CUT), not in full each night
            if run.status == CrawlStatus.running or run.pages > 0 or run.items_scraped > 0 or run.items_new > 0:
                return True
    return False


def crawl_settings(extra: dict[str, Any] | None = None, *, full: bool = False) -> dict[str, Any]:
    """Scrapy settings for one crawl: the run's own, plus the full-crawl switch."""
    settings = dict(extra or {})
    if full:
        settings[FULL_CRAWL_SETTING] = True
    return settings


def source_outcome(spec: SourceSpec, result: CrawlResult) -> SourceOutcome:
    """The source's outcome from the runner's result: what the summary and the retries read.

    A failure no retry can mend (:func:`permanent_failure`) is marked ``permanent``
    and says why in one line.
    """
    outcome = SourceOutcome(source=spec, **result.as_dict())
    why = None if outcome.ok else permanent_failure(spec, outcome.error_message or "", forbidden=outcome.forbidden)
    if why is not None:
        outcome.permanent, outcome.error_message = True, why
    return outcome


def permanent_failure(spec: SourceSpec, message: str, *, forbidden: bool = False) -> str | None:
    """Why a failed crawl of ``spec`` fails again however often it is retried, in one line; None if it may not.

    A start URL that is no http(s) URL, a spider Scrapy does not know (the
    source's kind), or robots.txt forbidding every start URL (``forbidden``, from
    the crawl's stats: a site's rules do not change in seconds). Network errors
    may pass: retried.
    """
    for url in spec.urls:  # umot.toml's sync checks them too; a store's row may predate that
        try:
            check_http_url(url)
        except HttpUrlError as exc:
            return f"start URL {url!r}: {exc}"
    if f"Spider not found: {spec.spider}" in message:
        return f"unknown spider {spec.spider!r} (the source's kind): no crawler for it"
    if forbidden:
        n = len(spec.urls)
        return message if n <= 1 else f"{message} (and the other {n - 1} start URL{'s' if n > 2 else ''})"
    return None


def crawl_job(spec: SourceSpec, settings: dict[str, Any] | None, full: bool) -> CrawlJob:
    """The runner's job for one source: its spider, URLs and store ids, settings and spider args.

    Spider args go to Scrapy as strings (as ``scrapy crawl -a`` would pass them);
    a source without options passes none.
    """
    return CrawlJob(
        spec.spider,
        list(spec.urls),
        brand=spec.brand,
        source_id=spec.source_id,
        settings=crawl_settings(settings, full=full),
        spider_args={k: str(v) for k, v in spec.options.items()} or None,
    )
