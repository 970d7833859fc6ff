"""A review's ``inLanguage`` as a ``Language`` node or a language's name still leaves its numeric dates in
the page's day/month order: on an ``en-GB`` page, "05/03/2024" declared ``{"@type": "Language", "name":
"English", "alternateName": "en"}`` or ``"English"`` was read as May 3 (the declared value, no language
tag, won over the page's)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crawlers.extract.date_order import date_language
from crawlers.extract.schemaorg import extract_page

LANGUAGE_NODE = {"@type": "Language", "name": "English", "alternateName": "en"}


def _page(declared: Any) -> str:
    review = {"@type": "Review", "author": "Ian", "reviewRating": {"ratingValue": "4"},
              "reviewBody": "Good hose, no kinks at all.", "datePublished": "05/03/2024"}
    if declared is not None:
        review["inLanguage"] = declared
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Garden Hose", "review": [review]}
    return (f'<html lang="en-GB"><head><script type="application/ld+json">{json.dumps(product)}</script>'
            "</head></html>")


@pytest.mark.parametrize("declared", [LANGUAGE_NODE, "English", {"@type": "Language", "name": "en-GB"}, "en", None])
def test_a_declared_language_that_is_no_tag_leaves_the_pages_order(declared: Any) -> None:
    (row,) = extract_page(_page(declared), "https://garden.example/hose").reviews
    assert (row["published_at"], row["language"]) == ("2024-03-05T12:00:00+00:00", "en")


@pytest.mark.parametrize(("declared", "page", "expected"), [
    ("English", "en-GB", "en-GB"),
    ("Français", "en-US", "en-US"),
    ("English", None, None),
    ("fr", "en-GB", "fr"),
    ("en", "en-GB", "en-GB"),
])
def test_date_language(declared: str, page: str | None, expected: str | None) -> None:
    assert date_language(declared, page) == expected
