"""A file replaced all or nothing: written to a temporary file beside it, then renamed over it.

Opening the target with ``"w"`` empties it first: a write that fails half way (a full disk,
a killed process) left half a file, or none, where the old one was, even the input itself
when a command's output is its input (``umot score x.csv -o x.csv``). Here the old file
stays as it was until the new one is whole.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

#: The target's name kept in a temporary one: 200 bytes plus ".", ".<8 hex>.tmp" is 214, under the
#: usual 255-byte name limit, so a target named near that limit can still be written.
MAX_STEM_BYTES = 200


@contextmanager
def atomic_write(path: Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """Open a new temporary file beside ``path``; on success fsync it and rename it over ``path``,
    on any failure remove it (``path`` is left as it was).

    A symlink is written where it points, as ``open`` would, the link kept; what is no regular file
    (a named pipe, ``/dev/stdout``) is written into as ``open`` would. The file keeps the
    mode of the one it replaces (a private file stays private), else has the mode a plain
    ``open`` gives it: 0o666 less the umask. Text is written with ``newline=""`` (csv's rule).
    """
    path = Path(path).resolve()  # renaming over a link would replace the link
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):  # a named pipe, /dev/stdout: written into, never replaced
        with open(path, "wb") if binary else open(path, "w", encoding=encoding, newline="") as direct:
            yield direct
        return
    kept = stat.S_IMODE(mode) if mode is not None else None
    fd, tmp_name = _create_beside(path)
    try:
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            if kept is not None:
                os.fchmod(fd, kept)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, str]:
    """A new hidden temporary file beside ``path``, open for writing, with 0o666 less the umask.

    Not :func:`tempfile.mkstemp`, whose 0o600 would have to be widened by reading the umask,
    which changes it for every thread for a moment.
    """
    stem = path.name
    while len(os.fsencode(stem)) > MAX_STEM_BYTES:  # the name at the limit must still get a temporary one
        stem = stem[:-1]
    for _ in range(100):
        name = str(path.parent / f".{stem}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
