"""bench/int8_batches.py: it measures the model docs/operations.md reports (the shipped full one), and
skips in one line without the MARC dev reviews."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import _int8_stores, int8_batches


class Loaded(Exception):
    """Stops the benchmark once its model is chosen."""


def test_the_benchmark_scores_with_the_shipped_full_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp

    if not _int8_stores.DATA.exists():
        pytest.skip("no ../shared/data: the benchmark skips (the next test)")
    asked: list[tuple[Any, ...]] = []

    def load_scorer(*args: Any, **kwargs: Any) -> None:
        asked.append(args)
        raise Loaded

    monkeypatch.setenv("UMOT_BENCH_REVIEWS", "3")
    monkeypatch.setattr(nlp, "load_scorer", load_scorer)
    with pytest.raises(Loaded):
        int8_batches.main()
    assert asked == [("full",)]


def test_without_the_reviews_the_benchmark_skips_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import nlp

    missing = tmp_path / "marc_en_dev.csv.gz"
    monkeypatch.setattr(_int8_stores, "DATA", missing)
    monkeypatch.setattr(nlp, "load_scorer", lambda *args, **kwargs: pytest.fail("a model loaded without reviews"))
    figures = int8_batches.main()
    assert figures == {"skipped": f"{missing} not found: the int8 batching benchmark needs the MARC dev reviews"}
    assert capsys.readouterr().out == f"skipped: {figures['skipped']}\n"
