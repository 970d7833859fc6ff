"""A hub model's digest is read from its snapshot once per process, not at every load (each night's, each
worker's): its files are links to blobs named by their content. A new revision is hashed again."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import nlp

MakeCheckpoint = Callable[[Path, dict[int, str]], Path]
NLP = str(Path(nlp.__file__).resolve().parent)


def test_a_hub_snapshot_is_hashed_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   checkpoint_factory: MakeCheckpoint) -> None:
    from huggingface_hub import constants

    repo = tmp_path / "hub" / "models--acme--once"
    for commit in ("1" * 40, "2" * 40):
        checkpoint_factory(repo / "snapshots" / commit, {0: "NEGATIVE", 1: "POSITIVE"})
    (repo / "refs").mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hashed: list[str] = []  # hashes umot's own code starts (the files it digests)
    sha256 = hashlib.sha256

    def counting(*args: Any, **kwargs: Any) -> Any:
        caller = sys._getframe(1).f_code.co_filename
        if caller.startswith(NLP):
            hashed.append(caller)
        return sha256(*args, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)

    def load(commit: str) -> tuple[str, int]:
        (repo / "refs" / "main").write_text(commit)
        hashed.clear()
        return nlp.load_scorer("acme/once", backend="torch").version, len(hashed)

    first, first_hashes = load("1" * 40)
    again, again_hashes = load("1" * 40)
    other, other_hashes = load("2" * 40)
    assert first.startswith("hf:acme/once@") and first_hashes > 0
    assert (again, again_hashes) == (first, 0)
    assert other != first and other_hashes > 0
