"""The aspect-labelled files (SemEval restaurants/laptops, MAMS) mapped to the default themes.

Used to measure theme detection on their held-out splits (``python -m bench themes``)
and to develop the rules on their training splits. One item per sentence: the set
of default themes its aspect categories map to (categories with no theme, such as
"anecdotes/miscellaneous" or RESTAURANT#GENERAL, map to nothing).
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

FILES = {
    "semeval_restaurants": "absa_semeval_restaurants.csv.gz",
    "semeval_laptops": "absa_semeval_laptops.csv.gz",
    "mams_restaurants": "absa_mams_restaurants.csv.gz",
}
HELD_OUT = {
    "semeval_restaurants": {"semeval2014_test_categories_only", "semeval2016_test"},
    "semeval_laptops": {"semeval2016_train(=semeval2015_test)"},
    "mams_restaurants": {"test"},
}
_RESTAURANT = {
    "food": "product_quality", "menu": "product_quality", "service": "service_staff", "staff": "service_staff",
    "price": "price_value", "ambience": "cleanliness_ambience", "place": "cleanliness_ambience",
    "FOOD#QUALITY": "product_quality", "FOOD#STYLE_OPTIONS": "product_quality", "DRINKS#QUALITY": "product_quality",
    "DRINKS#STYLE_OPTIONS": "product_quality", "FOOD#PRICES": "price_value", "DRINKS#PRICES": "price_value",
    "RESTAURANT#PRICES": "price_value", "SERVICE#GENERAL": "service_staff", "AMBIENCE#GENERAL": "cleanliness_ambience",
    "LOCATION#GENERAL": "cleanliness_ambience",
}


def theme_of(category: str) -> str | None:
    """The default theme an aspect category maps to, None for categories without one."""
    if category in _RESTAURANT:
        return _RESTAURANT[category]
    if "#" not in category:
        return None
    entity, attribute = category.split("#", 1)
    if attribute == "PRICE" or attribute == "PRICES":
        return "price_value"
    if entity == "SUPPORT":
        return "service_staff"
    if entity == "SHIPPING":
        return "delivery"
    if entity in ("COMPANY", "RESTAURANT"):
        return None
    return "product_quality"  # the laptop and its parts, their quality, design, performance, usability


def sentences(data_dir: Path, name: str, *, held_out: bool) -> list[tuple[str, set[str]]]:
    """(sentence, themes) of one file's held-out split (or, with held_out=False, its other splits)."""
    by_text: dict[str, set[str]] = {}
    with gzip.open(data_dir / FILES[name], "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (row["split"] in HELD_OUT[name]) != held_out:
                continue
            themes = by_text.setdefault(row["text"], set())
            theme = theme_of(row["aspect_category"])
            if theme:
                themes.add(theme)
    return list(by_text.items())
