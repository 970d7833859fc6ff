"""Progress events from inside a run, for whoever is watching (the CLI's bars).

Flow parameters must be serialisable, so a callback cannot be passed into the
flow; instead the CLI subscribes here for the length of a run and tasks call
:func:`emit`. With nobody listening, :func:`emit` does nothing. Listeners are
called from task threads and must be thread-safe (rich's Progress is).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProgressEvent:
    """``stage`` (crawl|score|summarise|notify), what moved, and by how much."""

    stage: str
    key: str  # e.g. a source label, or the stage itself
    message: str = ""
    advance: int = 0
    total: int | None = None
    done: bool = False
    flagged: int = 0  # a scoring batch's new detractors (the display adds them up)


Listener = Callable[[ProgressEvent], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def emit(stage: str, key: str | None = None, message: str = "", *, advance: int = 0,
         total: int | None = None, done: bool = False, flagged: int = 0) -> None:
    """Tell every listener; a failing listener is logged, never breaks the run."""
    event = ProgressEvent(stage, key or stage, message, advance, total, done, flagged)
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(event)
        except Exception:  # a broken progress bar must not fail a crawl
            log.exception("progress listener failed")


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Subscribe ``listener`` for the ``with`` block."""
    with _lock:
        _listeners.append(listener)
    try:
        yield
    finally:
        with _lock:
            _listeners.remove(listener)
