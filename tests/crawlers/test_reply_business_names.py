"""A Person's comment is the business's reply when the name is the item's, its brand's or its maker's,
compared as the store compares names (NFKC, case folded, spacing collapsed): not byte for byte."""

from __future__ import annotations

import json
import unicodedata

import pytest

from crawlers.extract.schemaorg import extract_page


def _reply(author: str, item: str, brand: str | None = None) -> str | None:
    product = {"@type": "Product", "name": item, **({"brand": {"name": brand}} if brand else {})}
    node = {"@context": "https://schema.org", **product,
            "review": [{"@type": "Review", "reviewBody": "Broke after a day", "reviewRating": {"ratingValue": 1},
                        "author": {"@type": "Person", "name": "Ann"},
                        "comment": {"@type": "Comment", "text": "Sorry, we will replace it",
                                    "author": {"@type": "Person", "name": author}}}]}
    html = f'<script type="application/ld+json">{json.dumps(node, ensure_ascii=False)}</script>'
    [row] = extract_page(html, "https://shop.example/p").reviews
    return row["reply_text"]


@pytest.mark.parametrize(("author", "item"), [
    (unicodedata.normalize("NFD", "Café Olé"), "Café Olé"),  # decomposed accents: the same letters
    ("Café Olé", unicodedata.normalize("NFD", "Café Olé")),
    ("ＡＣＭＥ", "Acme"),  # fullwidth
    ("Café\u00a0 Olé", "café olé"),  # a no-break space, doubled spacing, another case
], ids=["nfd-author", "nfd-item", "fullwidth", "spacing"])
def test_a_name_in_another_unicode_form_speaks_for_the_business(author: str, item: str) -> None:
    assert _reply(author, item) == "Sorry, we will replace it"
    assert _reply(author, "Blender", brand=item) == "Sorry, we will replace it"


def test_another_name_is_another_customer() -> None:
    assert _reply("Café Olé Fan", "Café Olé") is None
