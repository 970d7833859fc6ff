"""Every due source of a night crawled, each failure turned into that source's outcome.

Shared by the one-process night (``flows.nightly``) and the ``crawl-shard``
units of a fanned-out one (``flows.night_units``).
"""

from __future__ import annotations

from typing import Any

from prefect import unmapped
from prefect.tasks import exponential_backoff

from flows import progress
from flows.stage_outcomes import SourceOutcome, SourceSpec
from flows.tasks.crawl import CrawlFailed, crawl_source, crawl_sources

DEFAULT_CRAWL_PROCESSES = 1  # Scrapy processes the due sources share


def crawl_all(
    specs: list[SourceSpec], *, settings: dict[str, Any] | None, retries: int, retry_delay: float, timeout: float,
    processes: int = DEFAULT_CRAWL_PROCESSES,
) -> list[SourceOutcome]:
    """Crawl every source; failures become outcomes.

    The sources share ``processes`` Scrapy processes (one by default), each
    crawling its share side by side: Scrapy is asynchronous, so one process
    crawls many sites at once, and a process start (~1 s of CPU for Python,
    Twisted, Scrapy and the store) costs more than a source with nothing new.
    More processes only pay when parsing is the bottleneck. A source that fails there counts that
    as its first try and, when ``retries`` allow, is crawled again alone in its
    own process (retried with back-off), so one source never fails another.
    A source whose connection was refused (nothing listens there) is not
    crawled again this run: seconds later the answer is the same; nor is one
    whose failure is permanent (a bad start URL, an unknown spider, robots.txt
    forbidding its only start URL: ``SourceOutcome.permanent``).
    """
    if not specs:
        return []
    outcomes: dict[SourceSpec, SourceOutcome] = {}
    alone = list(specs)
    if len(specs) > 1:
        groups = [list(specs[i::processes]) for i in range(min(max(1, processes), len(specs)))]
        shared = crawl_sources.with_options(timeout_seconds=timeout + 60)
        for group, future in zip(groups, shared.map(groups, settings=unmapped(settings), timeout=unmapped(timeout))):
            state = future.wait() or future.state
            found = state.result() if state.is_completed() else None  # (a completed state has no failure to raise)
            for spec, outcome in zip(group, found or []):
                outcomes[spec] = outcome
            if not found:  # the task itself failed or timed out: every source of it is a first failed try
                message = state.message or state.name
                outcomes.update({s: SourceOutcome(source=s, ok=False, error_message=message) for s in group})
        alone = [s for s in specs if not outcomes[s].ok and not (outcomes[s].refused or outcomes[s].permanent)
                 and retries > 0]
        retries -= 1
    if alone:
        task = crawl_source.with_options(
            retries=retries,
            retry_delay_seconds=exponential_backoff(backoff_factor=retry_delay) if retries else 0,
            timeout_seconds=timeout + 60,
        )
        for spec, crawl in zip(alone, task.map(alone, settings=unmapped(settings), timeout=unmapped(timeout))):
            crawl.wait()
            state = crawl.state
            if state.is_completed():
                outcomes[spec] = state.result()
                continue
            exc = state.result(raise_on_failure=False)
            if isinstance(exc, CrawlFailed):
                outcomes[spec] = exc.outcome
            else:  # timed out, crashed, or the runner itself raised
                message = f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else state.message
                outcomes[spec] = SourceOutcome(source=spec, ok=False, error_message=message or state.name)
    for spec in specs:
        if not outcomes[spec].ok:
            progress.emit("crawl", spec.label, f"failed: {outcomes[spec].error_message}", done=True)
    return [outcomes[s] for s in specs]
