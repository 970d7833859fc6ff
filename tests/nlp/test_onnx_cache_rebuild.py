"""A damaged cached ONNX export (cut by a full disk or a crash) is rebuilt, not trusted: scoring stays
on ONNX Runtime under the same model version instead of moving to PyTorch for good."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from nlp import onnx_backend, onnx_export


@pytest.fixture
def model(tiny_checkpoint):
    from transformers import AutoModelForSequenceClassification

    return AutoModelForSequenceClassification.from_pretrained(str(tiny_checkpoint))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(onnx_backend, "cache_dir", lambda: tmp_path)
    return tmp_path


def _logits(runner: onnx_backend.OnnxRunner) -> np.ndarray:
    ids = np.ones((2, 7), dtype=np.int64)
    return runner({"input_ids": ids, "attention_mask": ids})


def test_a_cut_cached_export_is_rebuilt(model, cache: Path) -> None:
    first = _logits(onnx_backend.runner_for(model, "m@1", quantized=False, threads=1))
    [path] = cache.glob("*.onnx")
    whole = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(whole // 2)
    runner = onnx_backend.runner_for(model, "m@1", quantized=False, threads=1)
    assert path.stat().st_size == whole
    assert np.allclose(_logits(runner), first, atol=1e-6)


def test_an_export_that_does_not_load_either_raises(model, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = cache / f"m_1-fp32-{onnx_export.EXPORT_TAG}.onnx"
    path.write_bytes(b"cut")
    calls = []

    def broken(_model: object, target: Path, *, quantized: bool) -> Path:
        calls.append(target)
        target.write_bytes(b"still cut")
        return target

    monkeypatch.setattr(onnx_backend, "export", broken)
    with pytest.raises(Exception, match="INVALID_PROTOBUF"):  # loading.py then scores with PyTorch, as it warns
        onnx_backend.runner_for(model, "m 1", quantized=False, threads=1)
    assert calls == [path]  # exported once more, not again and again


def test_the_export_is_on_disk_before_it_is_named(model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(("replace", str(src)))
        real_replace(src, dst)

    monkeypatch.setattr(onnx_export.os, "fsync", fsync)
    monkeypatch.setattr(onnx_export.os, "replace", replace)
    onnx_export.export(model, tmp_path / "model.onnx", quantized=False)
    [(kind, moved)] = [e for e in events if e[0] == "replace"]
    assert ("fsync", moved) in events[: events.index((kind, moved))]
