"""Crawl tasks: one source's crawl, and a night's sources crawled at once.

The crawl itself runs Scrapy in a subprocess (``crawlers.runner.run_crawl``)
whose StorePipeline commits reviews in batches and records the ``CrawlRun``;
so a crawl that fails half way keeps what it stored, and retrying it is safe
(reviews are upserted on their identity). How each source is crawled (full or
incremental, its job) is plain code in :mod:`flows.tasks.crawl_jobs`.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.stage_outcomes import SourceOutcome, SourceSpec
from flows.tasks.crawl_jobs import crawl_job, last_crawl_unfinished, source_outcome


class CrawlFailed(RuntimeError):
    """A crawl that ended not ok; raised so Prefect retries it."""

    def __init__(self, source: SourceSpec, outcome: SourceOutcome):
        super().__init__(f"crawl of {source.label} failed: {outcome.error_message or 'unknown error'}")
        self.outcome = outcome


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
        jobs.append(crawl_job(spec, settings, full))
    results = await asyncio.to_thread(functools.partial(runner.run_crawls, jobs, timeout=timeout))
    outcomes = [source_outcome(spec, result) for spec, result in zip(specs, results)]
    for outcome in outcomes:
        if outcome.ok:
            progress.emit("crawl", outcome.source.label, _crawled(outcome.items_new, outcome.items_edited), done=True)
        else:
            progress.emit("crawl", outcome.source.label, f"failed: {outcome.error_message}")
    return outcomes


def _crawled(new: int, edited: int) -> str:
    """``3 new``, or ``3 new, 1 edited`` when the crawl found stored reviews edited on their site."""
    return f"{new} new, {edited} edited" if edited else f"{new} new"


def _retry_unless_refused(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a failed crawl, unless its site refused the connection (nothing listens there now)
    or its failure is permanent (``SourceOutcome.permanent``: a bad URL, robots.txt): it fails at once.

    Reads the exception from ``state.data``: for an async task Prefect's
    ``state.result()`` is a coroutine here, and a sync call would never raise.
    """
    failure = state.data
    return not (isinstance(failure, CrawlFailed) and (failure.outcome.refused or failure.outcome.permanent))


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
    job = crawl_job(spec, settings, full)
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
    outcome = source_outcome(spec, result)
    if not result.ok:
        progress.emit("crawl", spec.label, f"failed: {result.error_message}")
        raise CrawlFailed(spec, outcome)
    progress.emit("crawl", spec.label, _crawled(result.items_new, result.items_edited), done=True)
    return outcome
