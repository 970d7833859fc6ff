"""bench/_pipeline_report.py: the pipeline bench's stage table and its verdict on the targets."""

from __future__ import annotations

from typing import Any

import pytest

from bench._pipeline_report import LINEAR_SLACK, judge_targets, print_stage_table


def _stage(seconds: float, rows: int) -> dict[str, Any]:
    return {"seconds": seconds, "rows": rows, "rows_per_s": round(rows / seconds, 1)}


def _size(n: int, first_s: float, store_rate: float, rerun_s: float) -> dict[str, Any]:
    return {
        "crawl": _stage(1.0, n), "store": {**_stage(n / store_rate, n), "cpu_rows_per_s": 2.0 * store_rate},
        "nightly_first": {"seconds": first_s, "new_reviews": n, "scored": n, "detractors": 1,
                          "stages": {"crawl+ingest": _stage(1.0, n), "score+flag": _stage(2.0, n),
                                     "themes": _stage(0.4, n), "summary+report": _stage(0.5, 2)}},
        "export": _stage(0.25, 10), "nightly_rerun": {"seconds": rerun_s, "new_reviews": 0, "scored": 0},
        "rerun_share": round(rerun_s / first_s, 3),
    }


def test_the_table_has_a_row_per_stage_and_a_column_per_size(capsys: pytest.CaptureFixture[str]) -> None:
    print_stage_table({"1000": _size(1000, 10.0, 25_000, 0.9), "5000": _size(5000, 40.0, 25_000, 0.9)})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{'stage':<22}{'1000 reviews':>28}{'5000 reviews':>28}"
    names = ["crawl (Scrapy, JSONL)", "store (bulk upsert)", "nightly: crawl+ingest", "nightly: score+flag",
             "nightly: themes", "nightly: summary+report", "nightly: whole run", "export (last week)",
             "rerun, nothing new"]
    assert len(lines) == 1 + len(names) and all(line.startswith(n) for line, n in zip(lines[1:], names))
    assert lines[5] == "nightly: themes            0.40 s   1000      2500/s     0.40 s   5000     12500/s"
    # the whole run counts its new reviews; the rerun none, whatever its figures say
    assert lines[7] == "nightly: whole run        10.00 s   1000       100/s    40.00 s   5000       125/s"
    assert lines[9].endswith("0.90 s      0         0/s")


def test_targets_met_when_store_rerun_and_linearity_hold(capsys: pytest.CaptureFixture[str]) -> None:
    sizes = {"1000": _size(1000, 10.0, 5_000, 0.9), "5000": _size(5000, 42.0, 25_000, 0.9)}
    got = judge_targets(sizes, (1000, 5000))
    assert list(got) == ["sizes", "linear_ratio", "marginal_ms_per_review", "targets", "store_ok", "rerun_ok",
                         "linear_ok", "targets_met"]
    assert got["sizes"] is sizes
    assert got["linear_ratio"] == 4.2 and got["marginal_ms_per_review"] == 8.0
    assert got["targets"]["linear_ratio_max"] == 5 * LINEAR_SLACK
    assert got["store_ok"] and got["rerun_ok"] and got["linear_ok"] and got["targets_met"] is True
    out = capsys.readouterr().out
    assert "marginal cost of a new review (nightly run): 8.0 ms" in out
    assert "store, rows/s of CPU time: 10000.0, 50000.0" in out


@pytest.mark.parametrize(("large", "failed"), [
    (_size(5000, 42.0, 19_000, 0.9), "store_ok"),  # the 5k bulk store under 20k rows/s
    (_size(5000, 42.0, 25_000, 4.2), "rerun_ok"),  # the rerun is 10% of the first run: not under it
    (_size(5000, 63.0, 25_000, 0.9), "linear_ok"),  # 6.3x the 1k run for 5x the reviews
])
def test_each_missed_target_fails_the_verdict(large: dict[str, Any], failed: str) -> None:
    got = judge_targets({"1000": _size(1000, 10.0, 5_000, 0.9), "5000": large}, (1000, 5000))
    assert [k for k in ("store_ok", "rerun_ok", "linear_ok") if not got[k]] == [failed]
    assert got["targets_met"] is False
