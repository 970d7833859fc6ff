"""The remembered model versions (flows.tasks.model_versions): the shortcut that lets a run skip the model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.tasks.model_versions import VERSIONS_FILE, known_model_version, remember_version


@pytest.fixture
def model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "weights.bin").write_bytes(b"0123")
    return folder


def test_a_remembered_version_is_known_until_the_model_files_change(model_dir: Path, tmp_path: Path) -> None:
    assert known_model_version(str(model_dir)) is None
    remember_version(str(model_dir), "minilm@abc")
    assert (tmp_path / "data" / VERSIONS_FILE).is_file()
    assert known_model_version(str(model_dir)) == "minilm@abc"
    weights = model_dir / "weights.bin"
    weights.write_bytes(b"01234")  # retrained: another size
    os.utime(weights, ns=(1, 1))
    assert known_model_version(str(model_dir)) is None


def test_only_the_current_model_is_kept(model_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-model"
    other.mkdir()
    remember_version(str(model_dir), "first@1")
    remember_version(str(other), "second@2")
    assert known_model_version(str(other)) == "second@2" and known_model_version(str(model_dir)) is None


def test_a_hub_id_has_no_files_to_fingerprint(model_dir: Path, tmp_path: Path) -> None:
    remember_version("org/some-hub-model", "hub@1")
    assert known_model_version("org/some-hub-model") is None
    assert not (tmp_path / "data" / VERSIONS_FILE).exists()


def test_the_code_naming_a_checkpoint_s_version_is_part_of_the_key(model_dir: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkpoint's digest (which files, the tokenizer's among them) is named in nlp/checkpoint_version.py
    and nlp/hf_checkpoint.py: a change there may name the same files another version."""
    import shutil

    import nlp

    package = tmp_path / "nlp"
    package.mkdir()
    for module in Path(nlp.__file__).resolve().parent.glob("*.py"):
        shutil.copy(module, package / module.name)
    monkeypatch.setattr(nlp, "__file__", str(package / "__init__.py"))
    for name in ("checkpoint_version.py", "hf_checkpoint.py"):
        remember_version(str(model_dir), "hf:model@1")
        assert known_model_version(str(model_dir)) == "hf:model@1"
        with (package / name).open("a") as code:
            code.write("# changed\n")
        assert known_model_version(str(model_dir)) is None, name
