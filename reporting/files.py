"""Atomic CSV/PNG writing and filename-safe brand names.

Every export goes to a temporary file in the target folder and is moved into
place with :func:`os.replace`, so a reader (or a sync job picking up Monday's
CSV) never sees half a file, even if the run dies mid-write.
"""

from __future__ import annotations

import csv
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from reporting.safety import csv_safe


@contextmanager
def atomic_write(path: Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temp file beside ``path``; on success fsync and rename it over ``path``.

    The file keeps the mode of the one it replaces (an export someone made
    private stays private), else has the mode a plain ``open`` gives it: 0o666
    less the umask (CSVs hold customer names and review text).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        kept: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        kept = None
    fd, tmp_name = _create_beside(path)
    try:
        if kept is not None:
            os.fchmod(fd, kept)
        handle: IO[Any]
        if binary:
            handle = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, str]:
    """A new hidden temp file beside ``path``, opened for writing with 0o666 less the umask.

    Not :func:`tempfile.mkstemp`, whose 0o600 would have to be widened by
    reading the umask, which changes it for every thread for a moment.
    """
    for _ in range(100):
        name = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, excel: bool = False
) -> Path:
    """Write an RFC 4180 CSV atomically, every cell through :func:`csv_safe`.

    ``excel=True`` adds a UTF-8 byte-order mark so Excel reads accents right.
    """
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if cell is None else csv_safe(cell) for cell in row])
    return path


def slugify(name: str) -> str:
    """``"Café & Co."`` -> ``"cafe-co"``: ASCII letters, digits and dashes only."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
