"""SIGTERM and Ctrl-C stop ``umot run`` within seconds: its crawl, its crawl run and the temporary API.

In the main thread, Prefect's flow engine turns SIGTERM into an exception that ends the flow only once every
task thread is done: the crawl went on, retries and all, for minutes. So the flow runs in a thread of its own
(``umot.cli._flow_thread``), where Prefect sets no handler, and the main thread answers both signals alike: it
stops the crawl processes, marks their crawl runs stopped and raises :class:`Stopped`; ``umot run`` prints one
line and ends at once (``os._exit``: the temporary API and any crawl die with the process).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
GRACE = 5.0  # seconds a crawl process has to stop, then its crawl thread to close its run
STOPPED = "stopped: umot run got SIGTERM or Ctrl-C"  # what a stopped crawl's run says


class Stopped(Exception):
    """The run was stopped by ``signum``; its crawls are stopped and their runs closed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.doing = "running"  # what the run was doing then ("crawling"), for the one line it prints


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """In the block, SIGTERM and SIGINT stop the crawls and raise :class:`Stopped` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # no signal reaches this thread: nothing to answer
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    try:
        yield
    except Stopped:
        for sig in STOP_SIGNALS:  # a second signal while stopping: end now
            signal.signal(sig, lambda signum, frame: os._exit(128 + signum))
        stop_crawls()
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_crawls(grace: float | None = None) -> None:
    """SIGTERM this process's crawls (Scrapy stops gracefully; at once on a second one, a second later; SIGKILL
    after ``grace`` s), then mark their runs stopped."""
    grace = GRACE if grace is None else grace
    runs = _runs(None)  # this process's open crawl runs, before their crawl threads close them
    started = time.monotonic()
    for pause in (min(1.0, grace), grace):
        _signal_crawls(signal.SIGTERM)
        while _crawl_processes() and time.monotonic() - started < pause:
            time.sleep(0.1)
    _signal_crawls(signal.SIGKILL)
    started = time.monotonic()
    while runs and _runs(runs) and time.monotonic() - started < grace:
        time.sleep(0.1)  # the crawl thread closes each run with what it stored
    if runs:
        _runs(runs, mark=True)


def _runs(ids: list[int] | None, *, mark: bool = False) -> list[int]:
    """This process's crawl runs still open (of ``ids``, or all); ``mark``: those of ``ids`` that did not end
    ok say they were stopped (closed now if still open), with the counts their crawl thread wrote."""
    from sqlmodel import col, select

    from core.processes import process_identity
    from models.db import get_engine, session_scope
    from models.status import CrawlStatus
    from models.tables import CrawlRun, utcnow

    query = select(CrawlRun).where(CrawlRun.owner == process_identity())
    if ids is not None:
        query = query.where(col(CrawlRun.id).in_(ids))
    with session_scope(get_engine(), write=mark) as session:
        wanted = (CrawlStatus.running, CrawlStatus.failed) if mark else (CrawlStatus.running,)
        runs = [r for r in session.exec(query) if r.status in wanted]
        for run in runs if mark else ():
            was = f" ({run.error_message})" if run.status == CrawlStatus.failed and run.error_message else ""
            run.status, run.error_message = CrawlStatus.failed, STOPPED + was
            run.finished_at = run.finished_at or utcnow()
            session.add(run)
        return [r.id for r in runs if r.id is not None]


def _crawl_processes() -> set[int]:
    """This process's children running ``crawlers.batch`` and not yet ended (Linux /proc; elsewhere none)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
            if int(parent) == os.getpid() and state not in "ZX" and b"crawlers.batch" in (
                    stat.parent / "cmdline").read_bytes():
                found.add(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


def _signal_crawls(sig: int) -> None:
    for pid in _crawl_processes():
        with suppress(ProcessLookupError):  # it ended meanwhile
            os.kill(pid, sig)
