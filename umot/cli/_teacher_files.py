"""The files ``umot teacher`` writes (``--out``, ``--hidden-cache``), checked before the model loads.

Both are emptied and rewritten (``--out`` as an .npz, the cache as an .npy), so a path that is one of the
--data files (a slip of the shell's history) or an existing file other than an earlier cache would be lost
with exit 0: refused in one line instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from umot.cli._errors import check_writable, fail


def same_file(a: Path, b: Path) -> bool:
    """``a`` and ``b`` name one file: the same inode (hard links, symlinks) or, where one is missing, the same
    resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be looked at): compare the paths
        return a.resolve() == b.resolve()


def check_not_data(path: Path | None, option: str, data: list[Path], kind: str = "--data") -> None:
    """Refuse an output that is one of the --data files (or the ``kind`` input files ``data``)."""
    if path is None:
        return
    for source in data:
        if same_file(path, source):
            fail(f"{option} {path}: is the {kind} file {source}, which it would overwrite; give another file")


def check_hidden_cache(path: Path | None, data: list[Path], out: Path) -> None:
    """--hidden-cache: not a --data file nor --out, writable (not a folder, not under /proc), and, if it
    exists, an earlier cache (a .npy array) rather than a file it would overwrite."""
    if path is None:
        return
    check_not_data(path, "--hidden-cache", data)
    if same_file(path, out):
        fail(f"--hidden-cache {path}: is the --out file too; give another file")
    check_writable(path, "--hidden-cache")
    from nlp.teacher.cache import reuse_problem

    if problem := reuse_problem(path):
        fail(f"--hidden-cache {path}: {problem}")
