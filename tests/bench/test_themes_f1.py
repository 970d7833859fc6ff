"""The themes bench's F1 arithmetic (bench/_f1.py): micro over chosen labels, macro over classes."""

from __future__ import annotations

from bench import _f1


def test_micro_f1_counts_only_the_chosen_labels() -> None:
    gold = [{"a", "b"}, {"a"}, {"other"}]
    pred = [{"a"}, {"a", "b"}, {"other", "a"}]
    got = _f1.multilabel(gold, pred, ["a", "b"])
    # tp a=2, fp a=1 (third), fn b=1 (first), fp b=1 (second): F1 = 2*2 / (2*2 + 2 + 1)
    assert got["micro_f1"] == round(4 / 7, 4)
    assert got["per_label"]["a"] == {"precision": round(2 / 3, 4), "recall": 1.0, "f1": 0.8, "support": 2}
    assert got["per_label"]["b"]["f1"] == 0.0


def test_macro_f1_averages_every_class_even_an_absent_one() -> None:
    got = _f1.macro(["warn", "none", "none"], ["warn", "none", "recommend"], ("recommend", "warn", "none"))
    assert got["per_label"] == {"recommend": 0.0, "warn": 1.0, "none": round(2 / 3, 4)}
    assert got["macro_f1"] == round((0 + 1 + 2 / 3) / 3, 4)
