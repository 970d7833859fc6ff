"""A training run's output folders (and card) written all or nothing.

Each model is built in a hidden sibling folder (``.NAME.partial-XXXX``, same
file system) and only renamed into place once the whole run succeeded: a
failure late in a run (an evaluation file, an export, a full disk) leaves the
old model as it was, never new weights beside an old card or a folder that
loads but was never measured.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class StagedOutput:
    """Final paths mapped to staging paths; :meth:`commit` swaps them in, :meth:`abort` removes them."""

    def __init__(self) -> None:
        self._dirs: dict[Path, Path] = {}
        self._files: dict[Path, Path] = {}
        self._made: list[Path] = []  # parent folders this run created, removed again on abort

    def folder(self, final: Path) -> Path:
        """The staging folder for ``final`` (made now, beside it)."""
        parent = final.absolute().parent
        missing = [p for p in [parent, *parent.parents] if not p.exists()]
        parent.mkdir(parents=True, exist_ok=True)
        self._made += missing
        self._dirs[final] = Path(tempfile.mkdtemp(prefix=f".{final.name}.partial-", dir=parent))
        return self._dirs[final]

    def file(self, final: Path) -> Path:
        """Where to write ``final`` now: inside a staged folder, or a staging file beside it (the old file
        copied there first, so what a writer keeps of it, such as the card's bench section, survives)."""
        for folder, staged in self._dirs.items():
            if final.absolute().is_relative_to(folder.absolute()):
                inside = staged / final.absolute().relative_to(folder.absolute())
                if final.is_file():
                    inside.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(final, inside)
                return inside
        parent = final.absolute().parent
        self._made += [p for p in [parent, *parent.parents] if not p.exists()]
        parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{final.name}.partial-", dir=final.absolute().parent)
        os.close(fd)
        if final.is_file():
            shutil.copy2(final, name)
        self._files[final] = Path(name)
        return self._files[final]

    def commit(self) -> None:
        """Move every staged folder and file into place (an old folder is replaced whole)."""
        for final, staged in self._dirs.items():
            old = None
            if final.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.absolute().parent))
                final.rename(old / final.name)
            staged.chmod(0o777 & ~_umask())  # mkdtemp makes it 0700: give it the mode a plain mkdir would
            staged.rename(final)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        for final, staged in self._files.items():
            staged.chmod(0o666 & ~_umask())
            os.replace(staged, final)
        self._dirs.clear()
        self._files.clear()

    def abort(self) -> None:
        """Remove whatever was staged; the final paths are left as they were."""
        for staged in self._dirs.values():
            shutil.rmtree(staged, ignore_errors=True)
        for staged in self._files.values():
            staged.unlink(missing_ok=True)
        for made in self._made:  # deepest first
            try:
                made.rmdir()
            except OSError:
                pass
        self._dirs.clear()
        self._files.clear()
