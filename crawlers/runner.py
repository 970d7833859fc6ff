"""Run crawls in a subprocess and report what they found.

Twisted's reactor cannot be restarted inside one process, so crawls run in
``python -m crawlers.batch JOBS.json`` (one or several crawls on one reactor)
with ``SCRAPY_SETTINGS_MODULE=crawlers.settings``. Each crawl writes its counts
to a small JSON file (:class:`crawlers.extensions.CrawlStatsFile`) that is read
back here. What each crawl runs with is :mod:`crawlers.crawl_job`, how its outcome
is read :mod:`crawlers.crawl_result`, the store's bookkeeping around it
:mod:`crawlers.run_store`.
Reviews are committed to the store in batches while the crawl runs, so a failing
crawl keeps what it stored; failures come back as ``ok=False`` with a message,
never as an exception.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from core.processes import die_with_parent
from crawlers.crawl_job import CrawlJob, job_settings, setting_value, spider_arguments
from crawlers.crawl_result import CrawlResult, crawl_result, read_stats
from crawlers.process import crawl_env
from models.status import CrawlStatus

__all__ = ["LOCAL_SITE_SETTINGS", "CrawlJob", "CrawlResult", "run_crawl", "run_crawls"]

logger = logging.getLogger(__name__)

#: Settings for crawling a site on this machine (tests, the demo, benchmarks):
#: no politeness delays, several requests at once, no back-off waits.
LOCAL_SITE_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CRAWL_RETRY_BACKOFF_BASE": 0,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 15,
}


def _run_process(cmd: list[str], log_path: Path, timeout: float | None) -> int | None:
    """Run the crawl process, its output to ``log_path``; its exit code, None if it timed out."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    logger.info("crawl: %s", " ".join(cmd))
    try:
        with open(log_path, "w", encoding="utf-8") as log:
            # killed with this process (SIGKILL included): no crawl keeps writing for a run nobody waits for
            proc = subprocess.run(cmd, env=crawl_env(), stdout=log, stderr=subprocess.STDOUT, timeout=timeout,
                                  preexec_fn=die_with_parent())
        return proc.returncode
    except subprocess.TimeoutExpired:
        return None


def run_crawl(
    spider: str,
    urls: list[str],
    *,
    brand: str | None,
    database_url: str | None = None,
    output: Path | None = None,
    source_id: int | None = None,
    since: datetime | None = None,
    settings: dict | None = None,
    spider_args: dict | None = None,
    timeout: float | None = None,
    log_file: Path | None = None,
) -> CrawlResult:
    """Crawl ``urls`` with ``spider``; reviews go to ``output`` (JSONL) or else to the store.

    The store is ``database_url`` or ``UMOT_DATABASE_URL`` / the default SQLite
    file; storing needs ``brand``. ``settings`` override crawlers/settings.py
    for this crawl (e.g. :data:`LOCAL_SITE_SETTINGS`); ``spider_args`` are extra
    ``-a NAME=VALUE`` spider arguments (e.g. ``follow_depth``). ``log_file`` keeps
    Scrapy's log; ``timeout`` (seconds) stops a crawl that runs too long.
    """
    job = CrawlJob(spider, list(urls or []), brand=brand, database_url=database_url, output=output,
                   source_id=source_id, since=since, settings=settings, spider_args=spider_args)
    return run_crawls([job], timeout=timeout, log_file=log_file)[0]


def run_crawls(jobs: list[CrawlJob], *, timeout: float | None = None, log_file: Path | None = None) -> list[CrawlResult]:
    """Several crawls in ONE Scrapy subprocess (:mod:`crawlers.batch`); one result per job, in order.

    Each job is its own crawler (settings, CrawlRun, counts), so one that fails
    does not fail the others; if the process itself dies or times out, every
    job still running comes back failed (retry those alone with
    :func:`run_crawl`). Saves a process start (~1 s of CPU) per crawl after
    the first: what a nightly run of many sources with little new costs.
    """
    results: list[CrawlResult | None] = [None] * len(jobs)
    payload: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="umot-crawls-") as tmp:
        planned: list[tuple[int, Path, str | None, int | None]] = []
        migrated: dict[str, bool] = {}
        for i, job in enumerate(jobs):
            urls = [u.strip() for u in job.urls or [] if u and u.strip()]
            if not urls and not job.spider_args:
                results[i] = CrawlResult(ok=False, error_message="no URLs to crawl")
                continue
            run_settings, database_url, run_id = job_settings(job, Path(tmp) / f"known-{i}.json", migrated)
            stats_file = Path(tmp) / f"stats-{i}.json"
            run_settings["CRAWL_STATS_FILE"] = str(stats_file)
            payload.append({
                "spider": job.spider,
                "args": spider_arguments(job, urls),
                "settings": {name: setting_value(value) for name, value in run_settings.items()},
            })
            planned.append((i, stats_file, database_url, run_id))
        if planned:
            jobs_file = Path(tmp) / "jobs.json"
            jobs_file.write_text(json.dumps(payload), encoding="utf-8")
            log_path = Path(log_file) if log_file else Path(tmp) / "crawl.log"
            returncode = _run_process([sys.executable, "-m", "crawlers.batch", str(jobs_file)], log_path, timeout)
            log_text = log_path.read_text(encoding="utf-8", errors="replace")
            for i, stats_file, database_url, run_id in planned:
                stats = read_stats(stats_file)
                # a crawl that finished keeps its outcome when a slower one made the process time out
                code = 0 if stats.get("status") in (CrawlStatus.ok, CrawlStatus.failed) else returncode
                results[i] = crawl_result(stats, code, log_text, timeout, database_url, run_id)
    return [r for r in results if r is not None]
