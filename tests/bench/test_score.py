"""bench/score.py's report (bench/_score_card.py, bench/_score_process.py): the card table shows every variant with its load, and the ratio."""

from bench._score_card import card_table
from bench._score_variants import SHIPPED, VARIANTS


def _row(name: str, rate: float) -> dict:
    return {"variant": name, "reviews": 1000, "reviews_per_s": rate, "cpu_s": 1.5, "peak_rss_mb": 700.0,
            "exact": 0.53, "polarity_acc": 0.9, "load_avg_1min": 0.25}


def test_card_table_lists_variants_load_and_ratio():
    results = [_row(name, 10.0 * (i + 1)) for i, (name, _) in enumerate(VARIANTS)]
    table = card_table(results, ratio=6.0, rounds=2, cpu="Test CPU @ 1.00GHz")
    assert table.count("\n| ") == len(VARIANTS) + 2  # header, rule, one row per variant
    assert "best of 2 rounds" in table and "| 0.25 |" in table
    assert f"({SHIPPED}) vs pipeline: **6.0x**" in table
    assert "Test CPU @ 1.00GHz" in table  # the ratio depends on the CPU model: the card names it


def test_cpu_name_reads_the_model_name_and_falls_back_without_cpuinfo(tmp_path) -> None:
    import platform

    from bench._score_card import cpu_name

    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nvendor_id\t: GenuineIntel\n"
                    "model name\t: Intel(R) Xeon(R)   Processor @ 2.80GHz\nflags\t\t: fpu avx512_vnni\n")
    assert cpu_name(info) == "Intel(R) Xeon(R) Processor @ 2.80GHz"
    assert cpu_name(tmp_path / "missing") == (platform.processor() or platform.machine() or "unknown CPU")


def test_a_spawned_variant_reports_its_own_peak_memory_not_its_parents() -> None:
    import multiprocessing as mp

    from bench._score_process import peak_rss_mb

    ballast = bytearray(400 * 1024 * 1024)  # the parent's peak: > 400 MB
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page, so it is resident
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        child = pool.apply(peak_rss_mb)
    assert peak_rss_mb() > 400
    assert 0 < child < 300  # ru_maxrss would say > 400: Linux keeps it across exec
    del ballast


def test_issue_table_from_the_training_summary(tmp_path) -> None:
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "nlp"))
    from test_card import summary  # a hand-built TrainingSummary

    from bench._model_table import issue_rows

    summary().save(tmp_path)
    table = issue_rows(tmp_path)
    marc = next(r for r in table["rows"] if r["figure"] == "marc_en_dev exact")
    assert (marc["full"], marc["full_met"], marc["fast_met"]) == (0.561, True, True)
    apps = next(r for r in table["rows"] if r["figure"] == "app reviews held-out detractor F1")
    assert apps["full"] == 0.88 and apps["target"] == 0.85
    assert table["fast_within_1_point"] is True  # tweets 0.702 vs 0.695: 0.7 point
    worse = summary()
    worse.models[1].evaluation["tweets_macro_recall"] = 0.69
    worse.save(tmp_path)
    assert issue_rows(tmp_path)["fast_within_1_point"] is False
    assert issue_rows(tmp_path / "none") == {}
