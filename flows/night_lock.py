"""One nightly run per store at a time: a second one says so in one line and stops.

Two nights overlapping on one store crawl the same pages, score the same
reviews and each count and post the other's new detractors (the summary
counts the flags raised since its night started). The flow takes this lock
before anything else; a night that finds it held fails at once with
:class:`NightRunning` (``umot run`` takes it before starting the Prefect API,
so the answer comes at once; the flow takes it again, which a process that
holds it may). SQLite: an exclusive ``flock`` of ``<db>.night.lock`` beside
the database; PostgreSQL: a session advisory lock on a connection held for
the night, keyed by the connection's schema (two stores in two schemas of one
database, ``?options=-csearch_path%3D...``, run their nights side by side). The
kernel or the server drops either when the process ends, ``kill -9`` included.
A fanned-out night's crawl and score units (docs/scaling.md) run under their
parent's lock: they take none, and may outlive it (their night cancelled, its
process killed); a night therefore also refuses while another night's units
still beat (:mod:`flows.night_live_units`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

PG_LOCK_KEY = 0x6E697465  # "nite", beside the store's schema: the two-key form, never models.migrate's lock
# hashtext of the schema the store's tables live in ('' if search_path names none that exists)
_LOCK_ARGS = "(:k, hashtext(coalesce(current_schema(), '')))"
_held: dict[str, int] = {}  # lock -> how many times this process holds it
_guard = threading.Lock()


class NightRunning(RuntimeError):
    """Another nightly run holds this store."""


@contextmanager
def night_lock(database_url: str | None = None) -> Iterator[None]:
    """Hold the store's nightly lock for the block; :class:`NightRunning` if another process holds it."""
    from sqlalchemy.engine import make_url

    from models.db_url import normalize_url

    url = make_url(normalize_url(database_url))  # the store's file as the store opens it (``~`` expanded)
    key = url.render_as_string(hide_password=True)
    with _guard:
        if _held.get(key):
            _held[key] += 1
            taken: Any = None
        else:
            taken = _take(url)
            _held[key] = 1
    try:
        yield
    finally:
        with _guard:
            _held[key] -= 1
            if not _held[key] and taken is not None:
                del _held[key]
                taken.close()


def _take(url: Any) -> ExitStack:
    """The lock, taken now (released by closing the stack); raise :class:`NightRunning` when held."""
    stack = ExitStack()
    if url.get_backend_name() == "postgresql":
        stack.enter_context(_advisory_lock(url))
    elif url.database and url.database != ":memory:":  # else a store no other process can open
        stack.enter_context(_file_lock(Path(url.database).resolve(), url))
    return stack


@contextmanager
def _advisory_lock(url: Any) -> Iterator[None]:
    from sqlalchemy import text

    from models.db import get_engine

    engine = get_engine(url.render_as_string(hide_password=False))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if not conn.execute(text(f"SELECT pg_try_advisory_lock{_LOCK_ARGS}"), {"k": PG_LOCK_KEY}).scalar():
            raise NightRunning(_busy(url))
        try:
            yield
        finally:
            conn.execute(text(f"SELECT pg_advisory_unlock{_LOCK_ARGS}"), {"k": PG_LOCK_KEY})


@contextmanager
def _file_lock(db_file: Path, url: Any) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no cross-process lock
        yield
        return
    db_file.parent.mkdir(parents=True, exist_ok=True)
    with open(db_file.with_name(db_file.name + ".night.lock"), "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NightRunning(_busy(url)) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")  # for a person looking: which process runs the night
        handle.flush()
        yield  # closing the file drops the lock


def _busy(url: Any) -> str:
    return (f"another nightly run is using the store {url.render_as_string(hide_password=True)}; "
            "this one did nothing (run it again once that one has finished)")
