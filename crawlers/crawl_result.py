"""One crawl's outcome, read back from its stats file, its process's exit code and its log.

The crawl process (:mod:`crawlers.batch`) writes each crawl's counts to a small
JSON file (:class:`crawlers.extensions.CrawlStatsFile`); :func:`crawl_result`
turns that file, the exit code and the log into a :class:`CrawlResult`, with a
message that says what went wrong when the counts are missing, and closes the
CrawlRun a crawl left open (:mod:`crawlers.run_store`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crawlers import run_store
from models.status import CrawlStatus


@dataclass
class CrawlResult:
    """Outcome of one crawl (``items_new``: new to the store, or lines written to JSONL)."""

    ok: bool
    pages: int = 0
    items_scraped: int = 0
    items_new: int = 0
    items_edited: int = 0  # stored reviews the site edited: updated, to be scored again
    unchanged: int = 0  # pages the site said did not change (304): not read again
    errors: int = 0
    error_message: str | None = None  # why it failed; on an ok crawl, which page's failure left pages unread
    failed_follows: int = 0  # next pages that could not be fetched: the pages after them went unread
    pages_unread: int = 0  # what an ok crawl left the next crawl to read in full: its failed_follows (not a cap's)
    page_cap: int | None = None  # the cap (CLOSESPIDER_PAGECOUNT) that stopped this ok crawl with pages queued
    since_cut: str | None = None  # ISO day an ok crawl's pagination stopped at --since: the store may lack older reviews
    run_id: int | None = None
    refused: bool = False  # every start URL's connection was refused: retrying soon is pointless
    forbidden: bool = False  # robots.txt forbids every start URL: retrying is pointless

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def last_error_line(log_text: str) -> str | None:
    """The log's last line that names an error (else its last line): what a failed crawl reports."""
    lines = [ln.strip() for ln in log_text.splitlines() if ln.strip()]
    for line in reversed(lines):
        if "ERROR" in line or "Error" in line or "error:" in line:
            return line  # whole: its head says what failed
    return lines[-1] if lines else None


def read_stats(stats_file: Path) -> dict[str, Any]:
    """The crawl's counts, or {} when it wrote none (it died first) or wrote them half."""
    if not stats_file.exists():
        return {}
    try:
        return json.loads(stats_file.read_text())
    except ValueError:
        return {}


def crawl_result(
    stats: dict[str, Any], returncode: int | None, log_text: str, timeout: float | None, database_url: str | None,
    run_id: int | None = None,
) -> CrawlResult:
    """One crawl's outcome from its stats file, the process's exit code and its log.

    ``run_id``: the CrawlRun this runner opened, closed here with the outcome.
    A crawl killed before it wrote its final counts (timed out) reports the
    reviews it stored under its run (:func:`crawlers.run_store.close_run`).
    """
    result = CrawlResult(
        ok=bool(stats.get("ok")) and returncode == 0,
        pages=int(stats.get("pages", 0) or 0),
        items_scraped=int(stats.get("items_scraped", 0) or 0),
        items_new=int(stats.get("items_new", 0) or 0),
        items_edited=int(stats.get("items_edited", 0) or 0),
        unchanged=int(stats.get("unchanged", 0) or 0),
        errors=int(stats.get("errors", 0) or 0),
        error_message=stats.get("error_message"),
        failed_follows=int(stats.get("failed_follows", 0) or 0),
        pages_unread=int(stats.get("pages_unread", stats.get("failed_follows", 0)) or 0),
        page_cap=int(stats.get("page_cap") or 0) or None,
        since_cut=stats.get("since_cut") or None,
        run_id=run_id or stats.get("run_id"),
        refused=bool(stats.get("refused")) and returncode == 0,
        forbidden=bool(stats.get("forbidden")) and returncode == 0,
    )
    if returncode is None:
        result.ok = False
        result.error_message = f"crawl timed out after {timeout:g}s"
    elif not stats or stats.get("status") == CrawlStatus.running or (returncode != 0 and result.ok is False
                                                            and not result.error_message):
        result.ok = False
        detail = last_error_line(log_text) or "no output"
        how = f"exited with code {returncode}" if returncode else "ended without reporting its counts"
        result.error_message = f"crawl process {how}: {detail}"
    elif not result.ok and (result.error_message or "").startswith("crawl stopped early: shutdown"):
        startup_error = last_error_line(log_text)  # an error Scrapy hit while starting up
        if startup_error:
            result.error_message = f"{result.error_message} ({startup_error})"
    message = result.error_message if result.ok else result.error_message or "crawl died"
    closed = None
    if run_id is not None and database_url:
        closed = run_store.close_run(database_url, run_id, stats, ok=result.ok, message=message)
    elif not result.ok and stats.get("status") == CrawlStatus.running and result.run_id and database_url:
        # the crawl opened its own run and died before closing it
        closed = run_store.close_run(database_url, int(result.run_id), stats, ok=False, message=message)
    if closed is not None:  # what the run row now says it stored (a killed crawl's counts are the store's)
        result.items_new, result.items_scraped = closed
    return result
