"""Crawl runs: one row per crawl, opened before it starts and closed after."""

from __future__ import annotations

from sqlmodel import Session, select

from models.tables import CrawlRun, utcnow

STATUSES = ("running", "ok", "failed")


def start_crawl_run(session: Session, *, brand_id: int | None, source_id: int | None, spider: str) -> CrawlRun:
    """Open a run (status ``running``); flushed so ``run.id`` is set."""
    run = CrawlRun(brand_id=brand_id, source_id=source_id, spider=spider, status="running")
    session.add(run)
    session.flush()
    return run


def finish_crawl_run(
    session: Session,
    run_id: int,
    *,
    status: str,
    pages: int,
    items_scraped: int,
    items_new: int,
    errors: int,
    error_message: str | None = None,
) -> CrawlRun:
    """Close a run with its figures; ``status`` is ``ok`` or ``failed``."""
    if status not in STATUSES:
        raise ValueError(f"crawl run status must be one of {', '.join(STATUSES)}, not {status!r}")
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise LookupError(f"no crawl run with id {run_id}")
    run.status = status
    run.pages, run.items_scraped, run.items_new, run.errors = pages, items_scraped, items_new, errors
    run.error_message = error_message
    run.finished_at = utcnow()
    session.add(run)
    session.flush()
    return run


def list_crawl_runs(
    session: Session, *, brand_id: int | None = None, source_id: int | None = None, limit: int = 50
) -> list[CrawlRun]:
    """Newest runs first."""
    query = select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)
    if brand_id is not None:
        query = query.where(CrawlRun.brand_id == brand_id)
    if source_id is not None:
        query = query.where(CrawlRun.source_id == source_id)
    return list(session.exec(query))
