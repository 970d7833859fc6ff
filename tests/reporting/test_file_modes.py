"""reporting/files.py: an export has the mode a plain ``open`` would give it, and keeps the mode of the file
it replaces. It was 0o644 whatever the umask (CSVs of customer names readable by every local user), and a
file made private (``chmod 600``) was made readable again by the next export."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.atomic_file import atomic_write
from reporting.files import write_csv


@pytest.fixture
def umask_027() -> Iterator[None]:
    before = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_export_follows_the_umask(tmp_path: Path, umask_027: None) -> None:
    csv_file = write_csv(tmp_path / "detractors.csv", ["author"], [["Ann Example"]])
    with atomic_write(tmp_path / "chart.png", binary=True) as handle:
        handle.write(b"\x89PNG")
    assert _mode(csv_file) == _mode(tmp_path / "chart.png") == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_a_re_export_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "detractors.csv", ["author"], [["Ann Example"]])
    path.chmod(0o600)
    write_csv(path, ["author"], [["Bo Example"]])
    assert _mode(path) == 0o600 and "Bo Example" in path.read_text(encoding="utf-8")
    path.chmod(0o664)  # kept as it is, whatever the umask would give a new file
    write_csv(path, ["author"], [["Cy Example"]])
    assert _mode(path) == 0o664


def test_a_failed_write_leaves_the_file_and_no_temp_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "summary.csv", ["brand"], [["Acme"]])
    with pytest.raises(RuntimeError), atomic_write(path) as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8").splitlines() == ["brand", "Acme"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.csv"]
