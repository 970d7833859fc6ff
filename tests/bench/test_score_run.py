"""bench/score.py's run (bench/_score_process.py): a dead variant fails in one line, one-core variants
are timed on one thread, the model is resolved as the scorer resolves it, and the verdict is printed."""

from __future__ import annotations

import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch

from bench import _score_process, score
from nlp.loading import FAST_MODEL_DIR, FULL_MODEL_DIR


@pytest.fixture
def threads() -> Iterator[None]:
    """The tests change torch's thread count: put it back."""
    saved = torch.get_num_threads()
    yield
    torch.set_num_threads(saved)


def _fake_scorer() -> types.SimpleNamespace:
    labels = types.SimpleNamespace(stars=[1, 3, 5], polarity=[0, 1, 2])
    config = types.SimpleNamespace(id2label={0: "negative", 1: "neutral", 2: "positive"})
    return types.SimpleNamespace(model=types.SimpleNamespace(config=config), tokenizer=None, labels=labels,
                                 runner=types.SimpleNamespace(workers=2))


@pytest.mark.timeout(120)
def test_a_variant_whose_process_dies_is_one_error_naming_it_not_a_wait_forever(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_BENCH_DATA", str(tmp_path / "missing.csv.gz"))  # the spawned child reads it and dies
    with pytest.raises(RuntimeError, match=r"^variant pipeline: its process exited with code 1$"):
        _score_process.run_variant("pipeline", str(FULL_MODEL_DIR), 5)


def test_the_one_thread_pipeline_is_timed_on_one_thread_though_loading_sets_more(
        monkeypatch: pytest.MonkeyPatch, threads: None) -> None:
    import sys

    from transformers import pipeline  # noqa: F401 - resolving it replaces sys.modules["transformers"]

    import nlp

    seen: list[int] = []

    def load_scorer(*args: Any, **kwargs: Any) -> types.SimpleNamespace:
        torch.set_num_threads(2)  # what nlp.loading.load_scorer does with UMOT_THREADS / every core
        return _fake_scorer()

    def pipe(texts: list[str]) -> list[list[dict[str, Any]]]:
        seen.append(torch.get_num_threads())
        return [[{"label": "positive", "score": 0.9}, {"label": "negative", "score": 0.1}] for _ in texts]

    monkeypatch.setattr(_score_process, "load_reviews", lambda n: (["good", "bad", "fine"], [5, 1, 3]))
    monkeypatch.setattr(nlp, "load_scorer", load_scorer)
    monkeypatch.setattr(sys.modules["transformers"], "pipeline", lambda *args, **kwargs: pipe)
    out: list[dict[str, Any]] = []
    _score_process.time_variant("pipeline-1thread", "unused", 3, types.SimpleNamespace(put=out.append))
    assert seen == [1, 1]  # the warm-up and the timed call
    assert out[0]["threads"] == 1 and out[0]["reviews"] == 3


def test_a_one_core_variant_still_on_more_threads_is_not_timed(monkeypatch: pytest.MonkeyPatch,
                                                               threads: None) -> None:
    scorer = _fake_scorer()
    assert _score_process.pin_one_core("onnx-int8-1core", scorer) == 1 and scorer.runner.workers == 1
    torch.set_num_threads(2)
    assert _score_process.pin_one_core("onnx-int8", _fake_scorer()) == 2  # the others keep theirs
    monkeypatch.setattr(torch, "set_num_threads", lambda n: None)  # something keeps it at 2
    with pytest.raises(SystemExit, match=r"^variant pipeline-1thread: 2 threads, not 1: not timed$"):
        _score_process.pin_one_core("pipeline-1thread", _fake_scorer())


def _row(name: str, rate: float) -> dict[str, Any]:
    return {"variant": name, "reviews": 10, "reviews_per_s": rate, "cpu_s": 1.0, "peak_rss_mb": 500.0,
            "exact": 0.5, "polarity_acc": 0.9, "load_avg_1min": 0.1}


def test_a_shipped_model_named_in_any_case_is_that_model_and_the_verdict_is_printed(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import bench._model_table

    calls: list[tuple[str, str]] = []

    def run_variant(name: str, model_dir: str, n: int) -> dict[str, Any]:
        calls.append((name, model_dir))
        return _row(name, 100.0 if name == "onnx-int8" else 10.0)

    monkeypatch.delenv("UMOT_BENCH_MODEL", raising=False)
    monkeypatch.delenv("UMOT_BENCH_DATA", raising=False)
    monkeypatch.setenv("UMOT_MODEL", " Fast")
    monkeypatch.setenv("UMOT_BENCH_VARIANTS", "pipeline,onnx-int8")
    monkeypatch.setenv("UMOT_BENCH_N", "10")
    monkeypatch.setattr(score, "run_variant", run_variant)
    monkeypatch.setattr(score, "cpu_name", lambda: "Test CPU")
    monkeypatch.setattr(bench._model_table, "issue_rows", lambda path: {"fast_within_1_point": True})
    monkeypatch.setattr(bench._model_table, "print_rows", lambda rows: None)
    if not score.BenchSettings().data.exists():
        pytest.skip("no ../shared/data: the benchmark skips (the next test)")
    figures = score.main()
    assert calls == [("pipeline", str(FULL_MODEL_DIR)), ("onnx-int8", str(FAST_MODEL_DIR))]
    assert figures["model"] == str(FAST_MODEL_DIR) and figures["targets_met"] is True
    assert "target: onnx-int8 >= 7x the pipeline's speed, accuracy within 1 point -> met" in capsys.readouterr().out


def test_without_the_reviews_the_benchmark_skips_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "marc_en_dev.csv.gz"
    monkeypatch.setenv("UMOT_BENCH_DATA", str(missing))
    monkeypatch.setattr(score, "run_variant", lambda *args: pytest.fail("a variant ran without its reviews"))
    figures = score.main()
    assert figures == {"skipped": f"{missing} not found: the scoring benchmark needs the MARC dev reviews"}
    assert capsys.readouterr().out == f"skipped: {figures['skipped']}\n"
