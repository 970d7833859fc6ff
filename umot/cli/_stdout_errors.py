"""Output that stdout cannot take: ``umot detractors list --format csv > /dev/full``, or a
redirect onto a full disk.

The write failed deep inside click or rich, and every command (``umot --help`` too) ended in
a 50-line traceback. It is one line on stderr now, exit 1. Only a failure of stdout's own
writes is told so (stdout is watched while a command runs): any other OSError stays the
command's. A broken pipe (``umot ... | head``) stays quiet, exit 1, as click and Unix tools
leave it: the reader wanted no more.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any


class _Watched:
    """A stream that remembers the OSError its writes raised (its ``buffer``'s too); else the stream itself."""

    def __init__(self, stream: Any, owner: _Watched | None = None) -> None:
        self._stream = stream
        self._owner = owner or self
        self.failure: OSError | None = None

    def _call(self, name: str, *args: Any) -> Any:
        try:
            return getattr(self._stream, name)(*args)
        except OSError as exc:
            self._owner.failure = exc
            raise

    def write(self, data: Any) -> Any:
        return self._call("write", data)

    def writelines(self, lines: Any) -> Any:
        return self._call("writelines", lines)

    def flush(self) -> Any:
        return self._call("flush")

    @property
    def buffer(self) -> _Watched:  # click writes bytes there
        return _Watched(self._stream.buffer, self._owner)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, ...: the stream's
        return getattr(self._stream, name)


@contextmanager
def stdout_watched() -> Iterator[None]:
    """Run a command with stdout watched: a write or the final flush that fails is ``error: cannot write
    output: ...`` on stderr and exit 1 (a closed pipe: exit 1 quietly); other errors pass as they are."""
    real = sys.stdout
    if real is None:  # no stdout at all (pythonw): nothing to watch
        yield
        return
    watched = _Watched(real)
    sys.stdout = watched  # writes like a TextIO, and is one underneath
    try:
        try:
            yield
        except SystemExit:  # click's way to end every command: what print() left buffered is written now
            sys.stdout.flush()
            raise
        sys.stdout.flush()
    except OSError as exc:
        if exc is not watched.failure:
            raise
        if exc.errno != errno.EPIPE:
            with suppress(OSError):  # stderr may be just as full
                print(f"error: cannot write output: {exc.strerror or exc}", file=sys.stderr, flush=True)
        _discard(real)
        raise SystemExit(1) from None
    finally:
        if sys.stdout is watched:  # click may have wrapped it (a closed pipe): its wrapper stays
            sys.stdout = real


def _discard(stream: Any) -> None:
    """Point the stream's descriptor at the null device: Python flushes what is left in it at exit, and a
    second failure there would print "Exception ignored" (Python's own advice for SIGPIPE)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test runner's buffer)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)
