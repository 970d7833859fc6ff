"""bench/score.py's report: the card table shows every variant with its load, and the ratio."""

from bench.score import SHIPPED, VARIANTS, card_table


def _row(name: str, rate: float) -> dict:
    return {"variant": name, "reviews": 1000, "reviews_per_s": rate, "cpu_s": 1.5, "peak_rss_mb": 700.0,
            "exact": 0.53, "polarity_acc": 0.9, "load_avg_1min": 0.25}


def test_card_table_lists_variants_load_and_ratio():
    results = [_row(name, 10.0 * (i + 1)) for i, (name, _) in enumerate(VARIANTS)]
    table = card_table(results, ratio=6.0, rounds=2)
    assert table.count("\n| ") == len(VARIANTS) + 2  # header, rule, one row per variant
    assert "best of 2 rounds" in table and "| 0.25 |" in table
    assert f"({SHIPPED}) vs pipeline: **6.0x**" in table
