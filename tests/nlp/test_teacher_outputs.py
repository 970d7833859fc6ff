"""`umot teacher`'s --out and --hidden-cache are checked before the model loads, in one line.

`--out` or `--hidden-cache` naming a --data file exited 0 with that file turned into an .npz or .npy, an
existing file that was no cache was overwritten the same way, and a --hidden-cache under /proc or that was a
folder failed with a traceback after the model had loaded."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

Refusal = Callable[[list[str]], str]


@pytest.fixture
def no_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp.teacher.run

    monkeypatch.setattr(nlp.teacher.run, "ensure_weights", lambda *a, **k: pytest.fail("downloaded first"))
    monkeypatch.setattr(nlp.teacher.run, "run_teacher", lambda *a, **k: pytest.fail("ran before the check"))


def _teacher(data: Path, out: Path, *more: str) -> list[str]:
    return ["teacher", "--data", str(data), "--out", str(out), *more]


def test_out_that_is_a_data_file_is_refused(rated_csv: Path, cli_refusal: Refusal, no_run: None) -> None:
    before = rated_csv.read_bytes()
    line = cli_refusal(_teacher(rated_csv, rated_csv))
    assert line == f"error: --out {rated_csv}: is the --data file {rated_csv}, which it would overwrite; give another file"
    linked = rated_csv.with_name("linked.csv")
    os.link(rated_csv, linked)  # the same file under another name
    assert cli_refusal(_teacher(rated_csv, linked)).startswith(f"error: --out {linked}: is the --data file ")
    assert rated_csv.read_bytes() == before


def test_hidden_cache_that_is_a_data_file_is_refused(rated_csv: Path, tmp_path: Path, cli_refusal: Refusal, no_run: None) -> None:
    before = rated_csv.read_bytes()
    dotted = tmp_path / "sub" / ".." / rated_csv.name  # another spelling of the same path
    line = cli_refusal(_teacher(rated_csv, tmp_path / "p.npz", "--hidden-cache", str(dotted)))
    assert line.startswith(f"error: --hidden-cache {dotted}: is the --data file {rated_csv}")
    assert rated_csv.read_bytes() == before
    assert not (tmp_path / "sub").exists() and not (tmp_path / "p.npz").exists()


def test_hidden_cache_that_is_no_cache_is_refused(rated_csv: Path, tmp_path: Path, cli_refusal: Refusal, no_run: None) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me\n")
    line = cli_refusal(_teacher(rated_csv, tmp_path / "p.npz", "--hidden-cache", str(notes)))
    assert line == (f"error: --hidden-cache {notes}: exists and is not an .npy cache, so writing the cache would "
                    "overwrite it; give a new file")
    assert notes.read_text() == "keep me\n"
    out = tmp_path / "p.npz"
    assert cli_refusal(_teacher(rated_csv, out, "--hidden-cache", str(out))).startswith(
        f"error: --hidden-cache {out}: is the --out file too")


@pytest.mark.parametrize("where", ["folder", "proc"])
def test_hidden_cache_that_cannot_be_written_is_refused(rated_csv: Path, tmp_path: Path, cli_refusal: Refusal, no_run: None,
                                                        where: str) -> None:
    path = tmp_path if where == "folder" else Path("/proc/umot-no-such-file")
    if where == "proc" and not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    line = cli_refusal(_teacher(rated_csv, tmp_path / "p.npz", "--hidden-cache", str(path)))
    assert line.startswith(f"error: --hidden-cache {path}: cannot write (")


def test_an_earlier_cache_or_a_new_file_is_taken(tmp_path: Path) -> None:
    from nlp.teacher.cache import HiddenCache

    path = tmp_path / "cache" / "hidden.npy"
    HiddenCache([3, 2], 4, path).put(0, np.ones((3, 4), dtype=np.float16))
    again = HiddenCache([1], 4, path)  # an earlier cache is rewritten
    assert again.data.shape == (1, 4)


def test_the_cache_refuses_a_file_that_is_no_cache(tmp_path: Path) -> None:
    from nlp.teacher.cache import HiddenCache

    data = tmp_path / "train.jsonl"
    data.write_text('{"text": "good", "stars": 5}\n')
    with pytest.raises(ValueError, match=r"is not an \.npy cache"):
        HiddenCache([3, 2], 4, data)
    assert data.read_text() == '{"text": "good", "stars": 5}\n'
