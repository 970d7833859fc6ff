"""Crawl tasks: one source's crawl, and a night's sources crawled at once.

The crawl itself runs Scrapy in a subprocess (``crawlers.runner.run_crawl``)
whose StorePipeline commits reviews in batches and records the ``CrawlRun``;
so a crawl that fails half way keeps what it stored, and retrying it is safe
(reviews are upserted on their identity).
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from crawlers.runner import CrawlResult
from flows import progress
from flows.stage_outcomes import SourceOutcome, SourceSpec
from models.status import CrawlStatus

#: Scrapy setting asking a spider to crawl every page, not stop at the first
#: page of known reviews: used after a crawl of the source that never finished.
FULL_CRAWL_SETTING = "CRAWL_FULL"


class CrawlFailed(RuntimeError):
    """A crawl that ended not ok; raised so Prefect retries it."""

    def __init__(self, source: SourceSpec, outcome: SourceOutcome):
        super().__init__(f"crawl of {source.label} failed: {outcome.error_message or 'unknown error'}")
        self.outcome = outcome


def last_crawl_unfinished(source_id: int) -> bool:
    """Did a crawl of the source since its last good one stop half way? Then crawl it in full.

    An interrupted crawl (killed: still ``running``; failed after fetching
    pages) stored its first pages only; an incremental crawl would stop at
    those known reviews and never reach the pages after them. A crawl that
    failed before fetching anything (site unreachable) left no such gap.
    """
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        for run in crud.list_crawl_runs(session, source_id=source_id, limit=50):
            if run.status == "ok":
                return False
            if run.status == CrawlStatus.running or run.pages > 0 or run.items_scraped > 0:
                return True
    return False


def crawl_settings(extra: dict[str, Any] | None = None, *, full: bool = False) -> dict[str, Any]:
    """Scrapy settings for one crawl: the run's own, plus the full-crawl switch."""
    settings = dict(extra or {})
    if full:
        settings[FULL_CRAWL_SETTING] = True
    return settings


def _outcome(spec: SourceSpec, result: CrawlResult) -> SourceOutcome:
    return SourceOutcome(source=spec, **result.as_dict())


def _job(spec: SourceSpec, settings: dict[str, Any] | None, full: bool) -> Any:
    from crawlers.runner import CrawlJob

    return CrawlJob(
        spec.spider,
        list(spec.urls),
        brand=spec.brand,
        source_id=spec.source_id,
        settings=crawl_settings(settings, full=full),
        spider_args={k: str(v) for k, v in spec.options.items()} or None,
    )


@task(name="crawl-together", timeout_seconds=3600, cache_policy=NO_CACHE)
async def crawl_sources(
    specs: list[SourceSpec], settings: dict[str, Any] | None = None, timeout: float = 1800
) -> list[SourceOutcome]:
    """Crawl several sources in ONE Scrapy subprocess (``crawlers.runner.run_crawls``); never raises.

    Each source is its own crawler there (own CrawlRun, counts, failure), so
    one failing source does not fail the others; the flow crawls the failed
    ones again alone (:func:`crawl_source`, with the run's retries). One
    process start instead of one per source: most of what a nightly run
    with little new costs.
    """
    from crawlers import runner

    jobs = []
    for spec in specs:
        full = await asyncio.to_thread(last_crawl_unfinished, spec.source_id)
        progress.emit("crawl", spec.label, "crawling every page" if full else "crawling")
        jobs.append(_job(spec, settings, full))
    results = await asyncio.to_thread(functools.partial(runner.run_crawls, jobs, timeout=timeout))
    outcomes = [_outcome(spec, result) for spec, result in zip(specs, results)]
    for outcome in outcomes:
        if outcome.ok:
            progress.emit("crawl", outcome.source.label, f"{outcome.items_new} new", done=True)
        else:
            progress.emit("crawl", outcome.source.label, f"failed: {outcome.error_message}")
    return outcomes


def _retry_unless_refused(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a failed crawl, unless its site refused the connection: nothing listens there now.

    Reads the exception from ``state.data``: for an async task Prefect's
    ``state.result()`` is a coroutine here, and a sync call would never raise.
    """
    failure = state.data
    return not (isinstance(failure, CrawlFailed) and failure.outcome.refused)


@task(name="crawl", task_run_name="crawl-{spec.brand}-{spec.name}", timeout_seconds=3600,
      retry_condition_fn=_retry_unless_refused, cache_policy=NO_CACHE)
async def crawl_source(spec: SourceSpec, settings: dict[str, Any] | None = None, timeout: float = 1800) -> SourceOutcome:
    """Crawl one source into the store; raise :class:`CrawlFailed` (retried) if it did not end ok.

    Async so that Prefect's ``timeout_seconds`` can interrupt it (a sync task in
    a worker thread cannot be); the crawl subprocess has its own ``timeout``.
    """
    from crawlers import runner

    full = await asyncio.to_thread(last_crawl_unfinished, spec.source_id)
    progress.emit("crawl", spec.label, "crawling every page" if full else "crawling")
    job = _job(spec, settings, full)
    result = await asyncio.to_thread(
        functools.partial(
            runner.run_crawl,
            job.spider,
            job.urls,
            brand=job.brand,
            source_id=job.source_id,
            settings=job.settings,
            spider_args=job.spider_args,
            timeout=timeout,
        )
    )
    outcome = _outcome(spec, result)
    if not result.ok:
        progress.emit("crawl", spec.label, f"failed: {result.error_message}")
        raise CrawlFailed(spec, outcome)
    progress.emit("crawl", spec.label, f"{result.items_new} new", done=True)
    return outcome
