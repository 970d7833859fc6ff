"""bench/_nightly_run.py: the store a timed night runs on, and how its stages are timed."""

from __future__ import annotations

import contextlib
import os
import types
from pathlib import Path

import pytest

from bench import _nightly_run
from bench._nightly_run import timed_nightly, use_store


def test_use_store_points_the_process_at_a_migrated_sqlite_file(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import inspect

    from models.db import dispose_engines, get_engine

    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:///elsewhere.db")  # restored after the test
    url = use_store(tmp_path / "night.db")
    try:
        assert url == f"sqlite:///{tmp_path / 'night.db'}"
        assert os.environ["UMOT_DATABASE_URL"] == url
        assert {"review", "score", "flag"} <= set(inspect(get_engine(url)).get_table_names())
    finally:
        dispose_engines()


def test_timed_nightly_splits_the_run_at_the_last_crawl_the_first_themes_and_the_first_summary_event(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.nightly
    import flows.prefect_env
    from flows import progress

    clock = iter([0.0, 2.0, 3.0, 5.0, 6.0, 6.5, 7.0, 8.0, 10.0])  # start, seven events, end
    monkeypatch.setattr(_nightly_run, "time", types.SimpleNamespace(perf_counter=lambda: next(clock)))
    monkeypatch.setattr(flows.prefect_env, "local_run_settings", contextlib.nullcontext)

    def nightly(**kwargs: object) -> types.SimpleNamespace:
        assert kwargs["source"] == _nightly_run.SOURCE and kwargs["notify"] is False
        for stage in ("crawl", "crawl", "score", "themes", "themes", "summarise", "summarise"):
            progress.emit(stage)
        return types.SimpleNamespace(new_reviews=30, scored=20, themes_read=20, detractors=4, brands=["a", "b"])

    monkeypatch.setattr(flows.nightly, "nightly", nightly)
    result, figures = timed_nightly(types.SimpleNamespace(crawl_settings={}))
    assert result.scored == 20
    assert figures == {
        "seconds": 10.0, "new_reviews": 30, "scored": 20, "detractors": 4,
        "stages": {"crawl+ingest": {"seconds": 3.0, "rows": 30, "rows_per_s": 10.0},
                   "score+flag": {"seconds": 3.0, "rows": 20, "rows_per_s": 6.7},  # not the themes pass
                   "themes": {"seconds": 1.0, "rows": 20, "rows_per_s": 20.0},
                   "summary+report": {"seconds": 3.0, "rows": 2, "rows_per_s": 0.7}},
    }
