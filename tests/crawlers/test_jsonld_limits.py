"""crawlers/extract/nodes.py: JSON-LD blocks past the parsers' limits are read, or counted, never lost silently.

A block over 10,000,000 characters came out of lxml empty, and the page after it with it (lxml drops a
text node past 10 MB without ``huge_tree``). A block nested deeper than Python recurses raised
``RecursionError``, which only ``ValueError`` was caught for: the page's other, valid blocks went with it.
"""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from crawlers.extract import nodes
from crawlers.extract.schemaorg import extract_page
from tests.crawlers.header_site import review_page

URL = "https://shop.test/kettle/"


def _block(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def _with(block: str, *, before: bool) -> str:
    """The three-review page with ``block`` added before or after its own."""
    page = review_page("k")
    return page.replace("<head>", "<head>" + block) if before else page.replace("</head>", block + "</head>")


def _deep(depth: int) -> str:
    return '{"@context": "https://schema.org", "@type": "Thing", "x": ' + '{"a": ' * depth + "1" + "}" * depth + "}"


@pytest.mark.parametrize("depth", [1_000, 5_000, 100_000])
def test_a_block_nested_too_deeply_is_one_parse_error_and_the_others_are_read(depth: int) -> None:
    data = extract_page(_with(_block(_deep(depth)), before=False), URL)
    assert len(data.reviews) == 3
    assert data.errors == ["JSON-LD block 2: nested too deeply to read"]


def test_a_block_over_ten_million_characters_is_read_with_the_page_after_it() -> None:
    name = "Kettle " + "x" * 10_500_000
    big = _block(json.dumps({"@context": "https://schema.org", "@type": "Product", "name": name,
                             "review": {"@type": "Review", "@id": "#big", "reviewBody": "Huge but fine.",
                                        "author": "Bo"}}))
    data = extract_page(_with(big, before=True), URL)
    texts = sorted(r["text"][:14] for r in data.reviews)  # short: a failure prints them
    assert texts == ["Huge but fine.", "Review 0 of k:", "Review 1 of k:", "Review 2 of k:"]
    assert data.errors == []


def test_a_block_the_html_parser_empties_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past even ``huge_tree``'s limit (1 GB): seen here as lxml without it sees 10.5 MB."""
    parser = lxml.html.HTMLParser

    def without_huge_tree(**kwargs: Any) -> Any:
        return parser(**{**kwargs, "huge_tree": False})

    monkeypatch.setattr(nodes.lxml.html, "HTMLParser", without_huge_tree)
    big = _block(json.dumps({"@type": "Thing", "name": "x" * 10_500_000}))
    data = extract_page(_with(big, before=True), URL)
    assert data.errors == ["JSON-LD: 2 block(s) with text in the HTML read as empty"]


def test_an_empty_block_is_no_error() -> None:
    data = extract_page(_with(_block("  "), before=True), URL)
    assert len(data.reviews) == 3 and data.errors == []
