"""The remembered version of the default model (and of `fast` / `full`) is keyed on the files that scorer loads:
the default was keyed on nlp/model (the full model) while the scorer loads nlp/model_fast, so retraining the fast
model kept the old version and a night skipped scoring with the new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.tasks.model_versions import known_model_version, remember_version
from nlp.model_source import SHIPPED_MODELS


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Stand-in shipped folders (the real ones are never touched), an empty store dir and no UMOT_MODEL."""
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("UMOT_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)  # no ./fast or ./full here
    folders = {}
    for name in ("fast", "full"):
        folder = tmp_path / "shipped" / name
        folder.mkdir(parents=True)
        (folder / "weights.safetensors").write_bytes(name.encode())
        monkeypatch.setitem(SHIPPED_MODELS, name, folder)
        folders[name] = folder
    return folders


def retrain(folder: Path) -> None:
    (folder / "weights.safetensors").write_bytes(b"retrained, another size")


def test_the_default_is_keyed_on_the_fast_model(shipped: dict[str, Path]) -> None:
    remember_version(None, "fast@1")
    assert known_model_version(None) == "fast@1"
    retrain(shipped["full"])
    assert known_model_version(None) == "fast@1"  # the full model is not the default
    retrain(shipped["fast"])
    assert known_model_version(None) is None


@pytest.mark.parametrize("name", ["fast", "full", " Full "])
def test_fast_and_full_are_the_shipped_folders(shipped: dict[str, Path], name: str) -> None:
    remember_version(name, "v@1")
    assert known_model_version(name) == "v@1"
    retrain(shipped[name.strip().lower()])
    assert known_model_version(name) is None
