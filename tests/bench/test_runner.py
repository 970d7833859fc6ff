"""bench/__main__.py: every benchmark runs whatever an earlier one did; failures are one line each and exit 1."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from bench import __main__ as runner


def _benchmark(monkeypatch: pytest.MonkeyPatch, name: str, main: Any) -> None:
    monkeypatch.setitem(sys.modules, f"bench.{name}", types.SimpleNamespace(main=main))


def _broken() -> dict:
    raise FileNotFoundError("../shared/data/marc_en_dev.csv.gz")


@pytest.fixture
def three(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Benchmarks a (raises), b (misses its target), c (meets it); results written under tmp_path."""
    _benchmark(monkeypatch, "a", _broken)
    _benchmark(monkeypatch, "b", lambda: {"targets_met": False})
    _benchmark(monkeypatch, "c", lambda: {"targets_met": True, "rows_per_s": 5})
    modules = [types.SimpleNamespace(name=name) for name in ("_helper", "a", "b", "c")]
    monkeypatch.setattr(runner, "pkgutil", types.SimpleNamespace(iter_modules=lambda path: modules))
    monkeypatch.setattr(runner, "RESULTS", tmp_path)
    return tmp_path


def test_every_benchmark_runs_and_each_failure_is_one_line(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main([]) == 1
    out, err = capsys.readouterr()
    assert "bench/a failed: FileNotFoundError: ../shared/data/marc_en_dev.csv.gz" in out
    assert "Traceback" not in out + err
    assert err.splitlines() == ["bench/a: FileNotFoundError: ../shared/data/marc_en_dev.csv.gz",
                                "bench/b: targets NOT met"]
    assert json.loads((three / "c.json").read_text()) == {"targets_met": True, "rows_per_s": 5}
    assert not (three / "a.json").exists()  # a failed run keeps the last good figures


def test_all_targets_met_exits_0(three: Path) -> None:
    assert runner.main(["c"]) == 0


def test_help_lists_the_benchmarks_and_an_unknown_name_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: python -m bench" in out and "pipeline, scale, score" in out
    assert runner.main(["store", "scroe"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bench: unknown benchmark 'scroe'; the benchmarks: ") and "int8_batches" in err
    assert len(err.splitlines()) == 1
