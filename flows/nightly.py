"""The nightly flow: crawl every enabled source, score and flag what is new, report, notify.

crawl (the due sources side by side in ONE Scrapy process by default; a source
that fails there is crawled again alone, retried with exponential back-off) -> the crawl's StorePipeline stores reviews and records
the CrawlRun -> score + flag the run's brands' unscored reviews in batches (the
model loaded once; another brand's wait for a run that reports on it) -> summary
per brand -> markdown artifact ``nightly-summary`` -> webhook per brand with new
detractors (these last steps: :mod:`flows.night_finish`). The crawl and scoring
run in this process (:mod:`flows.night_in_process`) or fanned out (:mod:`flows.fanned_night`).

A source that still fails after its retries is reported (run result, artifact,
a warning in the log) and does not stop the others: the flow run ends
Completed, because everything else was done; ``umot run`` exits 1 so cron and
CI notice. A scoring failure (no model) fails the run: reviews stay stored and
are scored by the next run. A deployed night that a worker runs against another store than
``umot deploy`` pinned fails at once (:func:`flows.deployed_store.check_deployed_store`).
One night per store at a time (:mod:`flows.night_lock`), and none while another night's units still run;
detractors a webhook did not get are posted by the next night (:mod:`flows.notify_state`);
reviews a night killed before its report stored are counted by the next (:mod:`flows.night_window`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prefect import flow, runtime
from prefect.logging import get_run_logger

from flows.fanned_night import run_fanned, shared_store
from flows.night_crawl import DEFAULT_CRAWL_PROCESSES
from flows.night_finish import finish_night
from flows.night_in_process import run_in_process
from flows.night_live_units import refuse_live_units
from flows.night_lock import night_lock
from flows.night_units import DEFAULT_LEASE
from flows.night_window import begin_night, end_night
from flows.notify_state import settle_notifications
from flows.outcomes import NightlyResult
from flows.prefect_typing import thread_pool
from flows.unit_deployments import check_deployments

WORKERS = 2  # task threads: the crawl and the model loading side by side


@flow(name="nightly", task_runner=thread_pool(WORKERS), log_prints=False)
def nightly(
    brand: str | None = None,
    source: str | None = None,
    model: str | None = None,
    batch_size: int = 256,
    crawl_retries: int = 2,
    retry_delay: float = 10.0,
    crawl_timeout: float = 1800.0,
    crawl_settings: dict[str, Any] | None = None,
    crawl_processes: int = DEFAULT_CRAWL_PROCESSES,
    notify: bool = True,
    top: int = 5,
    fan_out: int = 0,
    lease_seconds: float = DEFAULT_LEASE,
) -> NightlyResult:
    """Crawl, store, score, flag, summarise and notify, for one brand/source or all of them.

    ``crawl_settings`` override Scrapy settings for every crawl (the demo and
    tests use ``crawlers.runner.LOCAL_SITE_SETTINGS``); ``retry_delay`` is the
    first back-off in seconds, doubled on each retry; ``crawl_processes``: the
    Scrapy processes the sources share (raise it when many sources have much new).
    ``fan_out`` > 0 (PostgreSQL store only): crawl and score in that many units
    of the ``crawl-shard``/``score-shard`` deployments, run by any worker of the
    pool (``flows.fanned_night``; docs/scaling.md); ``lease_seconds``: how long a
    unit's worker may stay silent before its unit is given to another.
    """
    from flows.deployed_store import check_deployed_store
    from models.db import init_db

    check_deployed_store()  # a worker whose store is not the deployment's: fail now, not fill a new SQLite file
    init_db()
    if fan_out > 0 and not shared_store():
        get_run_logger().warning("fan_out=%s needs a PostgreSQL store that every worker reaches; "
                                 "this night runs in this process", fan_out)
        fan_out = 0
    if fan_out > 0:
        check_deployments(fan_out)  # before the night is recorded or a unit planned: nothing left behind
    with night_lock():  # one night per store; taken before started_at: the flags raised since are this night's
        refuse_live_units(str(runtime.flow_run.id or ""), lease_seconds)  # a cancelled night's units still crawl
        result = NightlyResult(started_at=datetime.now(UTC))
        night_id = begin_night(result, whole=brand is None and source is None)  # (a killed night's reviews too)
        crawl = {"crawl_settings": crawl_settings, "crawl_retries": crawl_retries, "retry_delay": retry_delay,
                 "crawl_timeout": crawl_timeout, "crawl_processes": crawl_processes}
        if fan_out > 0:
            night = run_fanned(result, brand, source, model, batch_size, fan_out, lease_seconds, crawl)
        else:
            night = run_in_process(result, brand, source, model, batch_size, crawl)
        result = finish_night(night, notify=notify, top=top)
        end_night(night_id, result)
        settle_notifications(result, notify=notify)  # detractors a failed webhook did not get: next night
        return result
