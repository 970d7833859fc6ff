"""``umot score -o`` writes its file all or nothing: opened with "w", a failed write (a full disk)
destroyed the old output, or the input itself when -o named it."""

from __future__ import annotations

import errno
import gzip
import os
import stat
from pathlib import Path

import pytest

from nlp.data import read_rows, write_rows
from tests.file_size_limit import file_size_limit

BIG = [{"text": "x" * 1000, "n": i} for i in range(100)]  # ~100 kB


@pytest.mark.parametrize("name", ["scored.csv", "scored.jsonl"])
def test_a_failed_write_leaves_the_old_file_and_no_other(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_rows(path, ["text", "n"], [{"text": "old", "n": 1}])
    before = path.read_bytes()
    with pytest.raises(OSError) as failure, file_size_limit(8192):
        write_rows(path, ["text", "n"], BIG)
    assert failure.value.errno == errno.EFBIG
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left beside it


def test_output_over_its_own_input_is_whole_or_untouched(tmp_path: Path) -> None:
    """`umot score in.csv -o in.csv`: the rows are read first, then written over the file they came from."""
    path = tmp_path / "in.csv"
    write_rows(path, ["text", "n"], BIG)
    columns, rows = read_rows(path)
    with pytest.raises(OSError), file_size_limit(8192):
        write_rows(path, [*columns, "label"], ({**r, "label": "negative"} for r in rows))
    assert read_rows(path) == (columns, rows)
    write_rows(path, [*columns, "label"], ({**r, "label": "negative"} for r in rows))
    assert read_rows(path)[1][-1] == {"text": "x" * 1000, "n": "99", "label": "negative"}


def test_the_replaced_file_keeps_its_mode_a_new_one_gets_the_umask(tmp_path: Path) -> None:
    private = tmp_path / "private.csv"
    write_rows(private, ["a"], [{"a": 1}])
    private.chmod(0o600)
    write_rows(private, ["a"], [{"a": 2}])
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    mask = os.umask(0o022)
    os.umask(mask)
    fresh = tmp_path / "fresh.csv"
    write_rows(fresh, ["a"], [{"a": 1}])
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask


def test_a_symlinked_output_is_written_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("a\n1\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_rows(link, ["a"], [{"a": 2}])
    assert link.is_symlink() and real.read_bytes() == b"a\r\n2\r\n"


def test_gzip_output_reads_back_and_names_the_file_not_the_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "scored.jsonl.gz"
    write_rows(path, ["text"], [{"text": "ça va"}])
    assert read_rows(path) == (["text"], [{"text": "ça va"}])
    with gzip.open(path) as f:
        assert f.read() == '{"text": "ça va"}\n'.encode()
    header = path.read_bytes()
    assert header[3] & 0x08 and header[10:].startswith(b"scored.jsonl\x00")  # FNAME, as gzip.open(path) wrote it
