"""A theme-corrections write that fails half way (a full disk) leaves the old file whole: a cut or
emptied file would lose the triagers' corrections, and a cut line makes the detector refuse every run."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from nlp.themes.corrections import Correction, CorrectionMemory, corrections_file


class _DiskFull(Correction):
    def as_row(self) -> dict[str, Any]:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_write_keeps_the_old_corrections(tmp_path: Path) -> None:
    path = corrections_file(tmp_path, "Acme")
    old = [Correction(f"delivery was late again, order {i}", ("delivery",), (), {"delivery": "negative"})
           for i in range(50)]
    assert CorrectionMemory.write(path, old) == 50
    before = path.read_bytes()
    with pytest.raises(OSError, match="No space left"):
        CorrectionMemory.write(path, [Correction("too dear", ("price",)), _DiskFull("one more", ("price",)), *old])
    assert path.read_bytes() == before
    assert len(CorrectionMemory.load(path)) == 50
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left beside it


def test_a_write_replaces_the_file_and_creates_its_folder(tmp_path: Path) -> None:
    path = corrections_file(tmp_path / "new", "Acme")
    CorrectionMemory.write(path, [Correction("late", ("delivery",))] * 3)
    CorrectionMemory.write(path, [Correction("too dear", ("price",), (), {"price": "negative"})])
    assert path.read_text(encoding="utf-8").splitlines() == [
        '{"text": "too dear", "added": ["price"], "removed": [], "polarities": {"price": "negative"}}']
