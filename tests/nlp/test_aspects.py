"""The aspect-labelled files' categories mapped to default themes, and their held-out split."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from nlp.themes.aspects import FILES, sentences, theme_of


@pytest.mark.parametrize(("category", "theme"), [
    ("service", "service_staff"),                 # SemEval 2014 restaurant categories
    ("anecdotes/miscellaneous", None),
    ("FOOD#PRICES", "price_value"),               # SemEval 2016 restaurants
    ("RESTAURANT#GENERAL", None),
    ("LAPTOP#PRICE", "price_value"),              # laptops: any entity's price
    ("SUPPORT#QUALITY", "service_staff"),
    ("SHIPPING#GENERAL", "delivery"),
    ("COMPANY#GENERAL", None),
    ("BATTERY#OPERATION_PERFORMANCE", "product_quality"),
    ("NONE", None),                               # laptops' sentences without a category
])
def test_theme_of(category: str, theme: str | None) -> None:
    assert theme_of(category) == theme


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["text", "aspect_category", "split"])
        writer.writeheader()
        writer.writerows(rows)


def test_sentences_group_categories_per_text_and_keep_the_split_apart(tmp_path: Path) -> None:
    _write(tmp_path / FILES["mams_restaurants"], [
        {"text": "Slow waiter, cheap wine.", "aspect_category": "service", "split": "test"},
        {"text": "Slow waiter, cheap wine.", "aspect_category": "price", "split": "test"},
        {"text": "We went on a Tuesday.", "aspect_category": "anecdotes/miscellaneous", "split": "test"},
        {"text": "Great pasta.", "aspect_category": "food", "split": "train"},
    ])
    held_out = dict(sentences(tmp_path, "mams_restaurants", held_out=True))
    assert held_out == {"Slow waiter, cheap wine.": {"service_staff", "price_value"}, "We went on a Tuesday.": set()}
    assert sentences(tmp_path, "mams_restaurants", held_out=False) == [("Great pasta.", {"product_quality"})]
