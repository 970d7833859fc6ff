"""Crawl runs: one row per crawl, opened before it starts and closed after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.processes import process_alive, process_identity
from models.crud.sources import live_source_id
from models.status import CrawlStatus
from models.stored import stored_id
from models.tables import CrawlRun, Review, utcnow

STATUSES: tuple[CrawlStatus, ...] = tuple(CrawlStatus)
ABANDONED = "the crawl's process ended without closing the run (killed?)"
#: A run whose process cannot be checked from here counts as abandoned after this long
#: (the nightly run stops a crawl after 30 minutes).
STALE_AFTER = timedelta(hours=24)


def start_crawl_run(session: Session, *, brand_id: int | None, source_id: int | None, spider: str) -> CrawlRun:
    """Open a run (status ``running``), owned by this process; flushed so ``run.id`` is set.
    A source removed since the crawl was planned leaves the run without one."""
    run = CrawlRun(brand_id=brand_id, source_id=live_source_id(session, source_id), spider=spider,
                   status=CrawlStatus.running, owner=process_identity())
    session.add(run)
    session.flush()
    return run


def close_abandoned_runs(
    session: Session, *, alive: Callable[[str], bool | None] = process_alive, stale_after: timedelta = STALE_AFTER
) -> list[int]:
    """Close as failed the runs still ``running`` whose owning process has ended; their ids.

    A killed run can no longer close itself. Its figures are the reviews it
    stored (``items_new``): that tells the next crawl it stopped half way
    (``flows.tasks.crawl_jobs.last_crawl_unfinished``). A run whose process cannot
    be checked from here (another machine, a recreated container, or no owner:
    opened before owners were recorded) is closed once it is ``stale_after`` old.
    """
    closed = []
    cutoff = utcnow() - stale_after
    for run in session.exec(select(CrawlRun).where(CrawlRun.status == CrawlStatus.running)):
        state = alive(run.owner) if run.owner else None
        started = run.started_at if run.started_at.tzinfo else run.started_at.replace(tzinfo=UTC)
        if state is True or (state is None and started > cutoff):
            continue
        stored = stored_by_run(session, stored_id(run))
        run.status, run.finished_at, run.error_message = CrawlStatus.failed, utcnow(), ABANDONED
        run.items_new = run.items_scraped = int(stored)
        session.add(run)
        closed.append(stored_id(run))
    session.flush()
    return closed


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
    pages_unread: int = 0,
    since_cut: date | None = None,
) -> CrawlRun:
    """Close a run with its figures; ``status`` is ``ok`` or ``failed``.

    ``pages_unread`` and ``since_cut``: what an ok crawl left unread (next pages it could not fetch, the day
    ``--since`` stopped it), which the next crawl of the source reads; ``error_message`` says it in words.
    """
    if status not in STATUSES:
        raise ValueError(f"crawl run status must be one of {', '.join(STATUSES)}, not {status!r}")
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise LookupError(f"no crawl run with id {run_id}")
    run.status = status
    run.pages, run.items_scraped, run.items_new, run.errors = pages, items_scraped, items_new, errors
    run.error_message, run.pages_unread, run.since_cut = error_message, pages_unread, since_cut
    run.finished_at = utcnow()
    session.add(run)
    session.flush()
    return run


def last_ok_run(session: Session, *, brand_id: int, source_id: int | None, spider: str) -> CrawlRun | None:
    """The newest ``ok`` run of the brand's source (of ``spider``'s ad-hoc crawls, without one): its
    ``pages_unread`` and ``since_cut`` say what it left unread; a failed run after it changed nothing."""
    query = select(CrawlRun).where(CrawlRun.brand_id == brand_id, CrawlRun.status == CrawlStatus.ok)
    if source_id is None:
        query = query.where(col(CrawlRun.source_id).is_(None), CrawlRun.spider == spider)
    else:
        query = query.where(CrawlRun.source_id == source_id)
    return session.exec(query.order_by(col(CrawlRun.id).desc()).limit(1)).first()


def list_crawl_runs(
    session: Session, *, brand_id: int | None = None, source_id: int | None = None, limit: int = 50
) -> list[CrawlRun]:
    """Newest runs first."""
    query = select(CrawlRun).order_by(col(CrawlRun.id).desc()).limit(limit)
    if brand_id is not None:
        query = query.where(CrawlRun.brand_id == brand_id)
    if source_id is not None:
        query = query.where(CrawlRun.source_id == source_id)
    return list(session.exec(query))


def stored_by_run(session: Session, run_id: int) -> int:
    """How many reviews the store holds from crawl run ``run_id``: a killed run's counts, which it never wrote."""
    return int(session.exec(select(func.count()).select_from(Review).where(Review.crawl_run_id == run_id)).one())
