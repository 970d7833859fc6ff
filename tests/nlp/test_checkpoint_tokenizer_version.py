"""A checkpoint's version names its tokenizer files too: a new vocab.txt or tokenizer.json changes every score,
yet kept the old version, so the cached ONNX export and the stored scores were reused and nothing re-scored.
The shipped models (ours: no tokenizer of their own, named by their weights) keep their versions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import nlp

MakeCheckpoint = Callable[[Path, dict[int, str]], Path]
CARD = Path(nlp.__file__).resolve().parent / "MODEL_CARD.md"


def version(model: str | Path) -> str:
    return nlp.load_scorer(str(model), backend="torch").version


def test_a_new_vocabulary_changes_the_version(tmp_path: Path, checkpoint_factory: MakeCheckpoint) -> None:
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    versions = [version(model)]
    tokenizer = json.loads((model / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = tokenizer["model"]["vocab"]
    vocab["good"], vocab["bad"] = vocab["bad"], vocab["good"]  # the same size: two words trade ids
    (model / "tokenizer.json").write_text(json.dumps(tokenizer), encoding="utf-8")
    versions.append(version(model))
    words = sorted(vocab, key=vocab.__getitem__)
    (model / "tokenizer.json").unlink()  # a WordPiece vocabulary only: the tokenizer reads vocab.txt
    (model / "vocab.txt").write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    versions.append(version(model))
    good, bad = words.index("good"), words.index("bad")
    words[good], words[bad] = words[bad], words[good]
    (model / "vocab.txt").write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    versions.append(version(model))
    assert versions[0].startswith("hf:m@") and len(set(versions)) == 4, versions


def test_files_the_tokenizer_does_not_read_leave_the_version(tmp_path: Path,
                                                             checkpoint_factory: MakeCheckpoint) -> None:
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    before = version(model)
    (model / "README.md").write_text("notes\n")
    (model / "training_args.bin").write_bytes(b"\x80\x02}q\x00.")
    assert version(model) == before


@pytest.mark.parametrize("name", ["fast", "full"])
def test_the_shipped_models_keep_their_versions(name: str) -> None:
    """The versions nlp/MODEL_CARD.md gives them: a new one would re-score every stored review."""
    pinned = re.search(rf"^\| {name} \| `[^`]+` \| `([^`]+)` \|", CARD.read_text(encoding="utf-8"), re.M)
    assert pinned and version(name) == pinned.group(1)
