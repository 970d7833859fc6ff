"""A target named near the 255-byte limit is still written: the hidden temporary file beside it
keeps only the first 200 bytes of its name (``umot score -o`` checks the name, then writes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core import atomic_file
from core.atomic_file import atomic_write


@pytest.mark.parametrize("name", ["r" * 251 + ".csv", "é" * 125 + ".csv", "😀" * 62 + "x.csv"])
def test_a_name_at_the_limit_is_written_and_replaced(tmp_path: Path, name: str) -> None:
    assert 250 <= len(os.fsencode(name)) <= 255
    target = tmp_path / name
    for text in ("old\n", "new\n"):
        with atomic_write(target) as handle:
            handle.write(text)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_the_temporary_name_keeps_whole_characters(tmp_path: Path) -> None:
    fd, temp = atomic_file._create_beside(tmp_path / ("é" * 125 + ".csv"))
    os.close(fd)
    stem = Path(temp).name[1:].rsplit(".", 2)[0]
    assert stem == "é" * 100 and len(os.fsencode(Path(temp).name)) <= 255
    short_fd, short = atomic_file._create_beside(tmp_path / "out.csv")
    os.close(short_fd)
    assert Path(short).name.startswith(".out.csv.") and Path(short).name.endswith(".tmp")
