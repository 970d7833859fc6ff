"""Run one crawl in a subprocess and report what it found.

Twisted's reactor cannot be restarted inside one process, so each crawl is
``python -m scrapy crawl SPIDER -a ... -s ...`` with
``SCRAPY_SETTINGS_MODULE=crawlers.settings``. The crawl writes its counts to a
small JSON file (:class:`crawlers.extensions.CrawlStatsFile`) that is read back
here. Reviews are committed to the store in batches while the crawl runs, so a
failing crawl keeps what it stored; failures come back as ``ok=False`` with a
message, never as an exception.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Settings for crawling a site on this machine (tests, the demo, benchmarks):
#: no politeness delays, several requests at once, no back-off waits.
LOCAL_SITE_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "UMOT_RETRY_BACKOFF_BASE": 0,
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
    errors: int = 0
    error_message: str | None = None
    run_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _setting_value(value: Any) -> str:
    """Render a Python value the way Scrapy's ``Settings.get*`` parse ``-s`` strings."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (dict,)):
        return json.dumps(value)
    if isinstance(value, (list, tuple, set)):
        return ",".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value)


def build_command(
    spider: str,
    urls: list[str],
    *,
    brand: str | None,
    since: datetime | None,
    source_id: int | None,
    settings: Mapping[str, Any],
    spider_args: Mapping[str, Any] | None = None,
) -> list[str]:
    """The ``python -m scrapy crawl`` command line for one crawl."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider]
    if urls:  # some spiders build their start URLs from arguments (e.g. app_id=)
        cmd += ["-a", "urls=" + ",".join(urls)]
    if brand:
        cmd += ["-a", f"brand={brand}"]
    if since is not None:
        cmd += ["-a", f"since={since.isoformat()}"]
    if source_id is not None:
        cmd += ["-a", f"source_id={source_id}"]
    for name, value in (spider_args or {}).items():
        cmd += ["-a", f"{name}={value}"]
    for name, value in settings.items():
        cmd += ["-s", f"{name}={_setting_value(value)}"]
    return cmd


def _last_error_line(log_text: str) -> str | None:
    lines = [ln.strip() for ln in log_text.splitlines() if ln.strip()]
    for line in reversed(lines):
        if "ERROR" in line or "Error" in line or "error:" in line:
            return line[-500:]
    return lines[-1][-500:] if lines else None


def _mark_run_failed(database_url: str, run_id: int, stats: Mapping[str, Any], message: str) -> None:
    """A crawl process that died leaves its CrawlRun 'running': close it as failed."""
    try:
        from models import crud
        from models.db import get_engine, session_scope

        with session_scope(get_engine(database_url)) as session:
            crud.finish_crawl_run(
                session,
                run_id,
                status="failed",
                pages=int(stats.get("pages", 0)),
                items_scraped=int(stats.get("items_scraped", 0)),
                items_new=int(stats.get("items_new", 0)),
                errors=int(stats.get("errors", 0)),
                error_message=message,
            )
    except Exception:  # noqa: BLE001 - reporting the crawl matters more than this row
        logger.exception("could not mark crawl run %s failed", run_id)


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
    urls = [u.strip() for u in urls or [] if u and u.strip()]
    if not urls and not spider_args:
        return CrawlResult(ok=False, error_message="no URLs to crawl")
    run_settings: dict[str, Any] = dict(settings or {})
    if output is not None:
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        run_settings["UMOT_OUTPUT"] = str(output.resolve())
        run_settings["UMOT_DATABASE_URL"] = ""
    else:
        if not brand:
            raise ValueError("storing reviews needs a brand (or pass output= for JSONL)")
        if database_url is None:
            from umot.config import get_settings

            database_url = get_settings().database_url
        run_settings["UMOT_DATABASE_URL"] = database_url
        run_settings["UMOT_OUTPUT"] = ""

    with tempfile.TemporaryDirectory(prefix="umot-crawl-") as tmp:
        stats_file = Path(tmp) / "stats.json"
        run_settings["UMOT_STATS_FILE"] = str(stats_file)
        cmd = build_command(
            spider, urls, brand=brand, since=since, source_id=source_id, settings=run_settings,
            spider_args=spider_args,
        )
        env = dict(os.environ)
        env["SCRAPY_SETTINGS_MODULE"] = "crawlers.settings"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        log_path = Path(log_file) if log_file else Path(tmp) / "crawl.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        logger.info("crawl: %s", " ".join(cmd))
        try:
            with open(log_path, "w", encoding="utf-8") as log:
                proc = subprocess.run(
                    cmd, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=timeout
                )
            returncode: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            returncode = None
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
        stats: dict[str, Any] = {}
        if stats_file.exists():
            try:
                stats = json.loads(stats_file.read_text())
            except ValueError:
                stats = {}

    result = CrawlResult(
        ok=bool(stats.get("ok")) and returncode == 0,
        pages=int(stats.get("pages", 0) or 0),
        items_scraped=int(stats.get("items_scraped", 0) or 0),
        items_new=int(stats.get("items_new", 0) or 0),
        errors=int(stats.get("errors", 0) or 0),
        error_message=stats.get("error_message"),
        run_id=stats.get("run_id"),
    )
    if returncode is None:
        result.ok = False
        result.error_message = f"crawl timed out after {timeout:g}s"
    elif not stats or stats.get("status") == "running" or (returncode != 0 and result.ok is False
                                                            and not result.error_message):
        result.ok = False
        detail = _last_error_line(log_text) or "no output"
        result.error_message = f"crawl process exited with code {returncode}: {detail}"
    elif not result.ok and (result.error_message or "").startswith("crawl stopped early: shutdown"):
        detail = _last_error_line(log_text)  # an error Scrapy hit while starting up
        if detail:
            result.error_message = f"{result.error_message} ({detail})"
    if not result.ok and stats.get("status") == "running" and result.run_id and database_url:
        _mark_run_failed(database_url, int(result.run_id), stats, result.error_message or "crawl died")
    return result
