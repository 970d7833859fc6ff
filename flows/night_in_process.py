"""A night crawled and scored in the nightly flow's own process: the default, and every SQLite store's.

The model loads in a task thread while the crawls run, and only when something
waits to be scored. Kept apart from the flow (:mod:`flows.nightly`), which
only decides how the night runs: here or fanned out over the work pool
(:mod:`flows.fanned_night`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prefect.logging import get_run_logger

from flows import progress
from flows.fanned_night import Night
from flows.night_crawl import crawl_all
from flows.night_scoring import score_all
from flows.night_window import recount_new
from flows.outcomes import NightlyResult
from flows.tasks.model_versions import known_model_version
from flows.tasks.plan import plan_run
from flows.tasks.score import load_scorer
from flows.tasks.score_store import has_unscored

if TYPE_CHECKING:
    from prefect.futures import PrefectFuture


def run_in_process(result: NightlyResult, brand: str | None, source: str | None, model: str | None,
                   batch_size: int, crawl: dict[str, Any]) -> Night:
    """Crawl and score in this process (the model loading while the crawls run)."""
    log = get_run_logger()
    scope = plan_run(brand, source)
    result.config_warnings = list(scope.config_warnings)
    brand_ids = scope.brand_ids  # None: every brand; else only these brands' reviews are scored (score_all)
    # The model loads while the crawls run (one worker of the pool, ~8 s of CPU), unless
    # these model files' version is known and nothing waits for it: then only if the crawls
    # stored something to score (a run with nothing new never loads it).
    version = known_model_version(model)
    # The future of the async task holds the scorer (Prefect's first submit overload says a coroutine).
    loading: PrefectFuture[Any] | None = (
        load_scorer.submit(model) if version is None or has_unscored(version, brand_ids) else None
    )
    progress.emit("crawl", "crawl", f"{len(scope.sources)} sources", total=len(scope.sources))
    result.sources = crawl_all(
        list(scope.sources), settings=crawl["crawl_settings"], retries=crawl["crawl_retries"],
        retry_delay=crawl["retry_delay"], timeout=crawl["crawl_timeout"], processes=crawl["crawl_processes"],
    )
    recount_new(result)  # from the store: a retried crawl, or an unfinished night, stored some before
    for failed in result.failed_sources:
        log.warning("source %s failed: %s", failed.source.label, failed.error_message)

    if loading is None and version is not None and has_unscored(version, brand_ids):
        loading = load_scorer.submit(model)
    scorer = loading.result() if loading is not None else None
    result.model_version = scorer.version if scorer is not None else version
    batches = score_all(scorer, brand_ids=brand_ids, batch_size=batch_size) if scorer is not None else []
    result.scored = sum(b.scored for b in batches)
    result.new_flags = sum(b.new_flags for b in batches)
    return Night(result, brand_ids, batches)
