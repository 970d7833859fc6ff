"""core/atomic_file.py: a regular file is replaced whole; a named pipe is written into, not replaced.

Was: ``umot score in.csv -o fifo.csv`` renamed a regular file over the pipe (its reader got nothing,
and the pipe was gone).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from core.atomic_file import atomic_write


def test_a_regular_file_is_replaced_only_when_the_new_one_is_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write("half")
        raise RuntimeError("the disk filled")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with atomic_write(target) as handle:
        handle.write("new\n")
    assert target.read_text() == "new\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    pipe = tmp_path / "scored.csv"
    os.mkfifo(pipe)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_text()))
    reader.start()
    with atomic_write(pipe) as handle:
        handle.write("text,label\nok,positive\n")
    reader.join(timeout=10)
    assert got == ["text,label\nok,positive\n"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
