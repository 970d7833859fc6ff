"""Run crawls in a subprocess and report what they found.

Twisted's reactor cannot be restarted inside one process, so crawls run in
``python -m crawlers.batch JOBS.json`` (one or several crawls on one reactor)
with ``SCRAPY_SETTINGS_MODULE=crawlers.settings``. Each crawl writes its counts
to a small JSON file (:class:`crawlers.extensions.CrawlStatsFile`) that is read
back here; the store's bookkeeping around it is :mod:`crawlers.run_store`.
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
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core.processes import die_with_parent
from crawlers import run_store
from crawlers.process import crawl_env
from models.status import CrawlStatus

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


@dataclass
class CrawlResult:
    """Outcome of one crawl (``items_new``: new to the store, or lines written to JSONL)."""

    ok: bool
    pages: int = 0
    items_scraped: int = 0
    items_new: int = 0
    unchanged: int = 0  # pages the site said did not change (304): not read again
    errors: int = 0
    error_message: str | None = None
    run_id: int | None = None
    refused: bool = False  # every start URL's connection was refused: retrying soon is pointless

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _setting_value(value: Any) -> str:
    """Render a Python value the way Scrapy's ``Settings.get*`` parse ``-s`` strings."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, (list, tuple, set)):
        return ",".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _last_error_line(log_text: str) -> str | None:
    lines = [ln.strip() for ln in log_text.splitlines() if ln.strip()]
    for line in reversed(lines):
        if "ERROR" in line or "Error" in line or "error:" in line:
            return line  # whole: its head says what failed
    return lines[-1] if lines else None


@dataclass
class CrawlJob:
    """One crawl of :func:`run_crawls`: the arguments of :func:`run_crawl`, minus timeout and log."""

    spider: str
    urls: list[str]
    brand: str | None = None
    database_url: str | None = None
    output: Path | None = None
    source_id: int | None = None
    since: datetime | None = None
    settings: dict | None = None
    spider_args: dict | None = None


def _job_settings(
    job: CrawlJob, known_file: Path, migrated: dict[str, bool]
) -> tuple[dict[str, Any], str | None, int | None]:
    """The crawl's Scrapy settings (where items go), the store URL it writes to (None for
    JSONL) and the id of the CrawlRun opened for it here (None: the crawl opens its own)."""
    run_settings: dict[str, Any] = dict(job.settings or {})
    if job.output is not None:
        output = Path(job.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        run_settings["CRAWL_OUTPUT"] = str(output.resolve())
        run_settings["CRAWL_DATABASE_URL"] = ""
        return run_settings, None, None
    if not job.brand:
        raise ValueError("storing reviews needs a brand (or pass output= for JSONL)")
    database_url = job.database_url
    if database_url is None:
        from core.settings import get_settings

        database_url = get_settings().database_url
    run_settings["CRAWL_DATABASE_URL"] = database_url
    run_settings["CRAWL_OUTPUT"] = ""
    if database_url not in migrated:  # once per store and batch of crawls
        migrated[database_url] = run_store.migrate(database_url)
        if migrated[database_url]:  # runs a killed process left open: closed before new ones start
            run_store.close_abandoned(database_url)
    run_settings.setdefault("CRAWL_STORE_MIGRATED", migrated[database_url])
    handover = {}
    if run_settings["CRAWL_STORE_MIGRATED"]:
        handover = run_store.open_run(
            database_url, brand=job.brand, source_id=job.source_id, spider=job.spider, known_file=known_file
        )
    run_settings.update(handover)
    return run_settings, database_url, handover.get(run_store.RUN_ID)


def _spider_args(job: CrawlJob, urls: list[str]) -> dict[str, str]:
    """The crawl's spider arguments, as ``scrapy crawl -a NAME=VALUE`` would pass them."""
    args: dict[str, str] = {}
    if urls:
        args["urls"] = ",".join(urls)
    if job.brand:
        args["brand"] = job.brand
    if job.since is not None:
        args["since"] = job.since.isoformat()
    if job.source_id is not None:
        args["source_id"] = str(job.source_id)
    args.update({name: str(value) for name, value in (job.spider_args or {}).items()})
    return args


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


def _read_stats(stats_file: Path) -> dict[str, Any]:
    if not stats_file.exists():
        return {}
    try:
        return json.loads(stats_file.read_text())
    except ValueError:
        return {}


def _result(
    stats: dict[str, Any], returncode: int | None, log_text: str, timeout: float | None, database_url: str | None,
    run_id: int | None = None,
) -> CrawlResult:
    """One crawl's outcome from its stats file, the process's exit code and its log.

    ``run_id``: the CrawlRun this runner opened, closed here with the outcome.
    """
    result = CrawlResult(
        ok=bool(stats.get("ok")) and returncode == 0,
        pages=int(stats.get("pages", 0) or 0),
        items_scraped=int(stats.get("items_scraped", 0) or 0),
        items_new=int(stats.get("items_new", 0) or 0),
        unchanged=int(stats.get("unchanged", 0) or 0),
        errors=int(stats.get("errors", 0) or 0),
        error_message=stats.get("error_message"),
        run_id=run_id or stats.get("run_id"),
        refused=bool(stats.get("refused")) and returncode == 0,
    )
    if returncode is None:
        result.ok = False
        result.error_message = f"crawl timed out after {timeout:g}s"
    elif not stats or stats.get("status") == CrawlStatus.running or (returncode != 0 and result.ok is False
                                                            and not result.error_message):
        result.ok = False
        detail = _last_error_line(log_text) or "no output"
        how = f"exited with code {returncode}" if returncode else "ended without reporting its counts"
        result.error_message = f"crawl process {how}: {detail}"
    elif not result.ok and (result.error_message or "").startswith("crawl stopped early: shutdown"):
        startup_error = _last_error_line(log_text)  # an error Scrapy hit while starting up
        if startup_error:
            result.error_message = f"{result.error_message} ({startup_error})"
    if run_id is not None and database_url:
        run_store.close_run(database_url, run_id, stats, ok=result.ok, message=result.error_message or "crawl died")
    elif not result.ok and stats.get("status") == CrawlStatus.running and result.run_id and database_url:
        # the crawl opened its own run and died before closing it
        run_store.close_run(database_url, int(result.run_id), stats, ok=False, message=result.error_message)
    return result


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
            run_settings, database_url, run_id = _job_settings(job, Path(tmp) / f"known-{i}.json", migrated)
            stats_file = Path(tmp) / f"stats-{i}.json"
            run_settings["CRAWL_STATS_FILE"] = str(stats_file)
            payload.append({
                "spider": job.spider,
                "args": _spider_args(job, urls),
                "settings": {name: _setting_value(value) for name, value in run_settings.items()},
            })
            planned.append((i, stats_file, database_url, run_id))
        if planned:
            jobs_file = Path(tmp) / "jobs.json"
            jobs_file.write_text(json.dumps(payload), encoding="utf-8")
            log_path = Path(log_file) if log_file else Path(tmp) / "crawl.log"
            returncode = _run_process([sys.executable, "-m", "crawlers.batch", str(jobs_file)], log_path, timeout)
            log_text = log_path.read_text(encoding="utf-8", errors="replace")
            for i, stats_file, database_url, run_id in planned:
                stats = _read_stats(stats_file)
                # a crawl that finished keeps its outcome when a slower one made the process time out
                code = 0 if stats.get("status") in (CrawlStatus.ok, CrawlStatus.failed) else returncode
                results[i] = _result(stats, code, log_text, timeout, database_url, run_id)
    return [r for r in results if r is not None]
