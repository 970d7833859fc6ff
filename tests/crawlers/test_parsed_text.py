"""Microdata and RDFa text arrives from extruct entity-decoded, its markup gone: a site-escaped
``&lt;b&gt;`` there is a literal ``<b>``, not a tag. JSON-LD strings are raw: their HTML still goes."""

from __future__ import annotations

from pathlib import Path

from crawlers.extract.markup import ParsedText
from crawlers.extract.node_text import text_of
from crawlers.extract.nodes import page_nodes
from crawlers.extract.schemaorg import extract_page

PAGE = Path(__file__).parent / "fixtures" / "schemaorg" / "escaped_text.html"
URL = "https://shop.example/kettle"


def test_escaped_tags_in_microdata_and_rdfa_text_are_kept_and_json_ld_html_is_stripped() -> None:
    data = extract_page(PAGE.read_bytes(), URL)
    assert data.errors == []
    texts = {r["extra"]["syntax"]: r["text"] for r in data.reviews}
    assert texts == {
        "json-ld": "Loud and slow.\nI love the <b> tag",  # raw JSON: tags stripped, entities decoded once
        "microdata": "I love the <b> tag, really; &lt;i&gt; stays escaped.",  # decoded once, by the parser
        "rdfa": "Press <Reset> and the <b> tag shows, bold text too.",
    }


def test_an_rdfa_html_literal_is_still_markup() -> None:
    (node,) = [n for syntax, n in page_nodes(PAGE.read_bytes(), URL, []) if syntax == "rdfa" and "description" in n]
    assert isinstance(node["reviewBody"], ParsedText) and not isinstance(node["description"], ParsedText)
    assert node["description"].startswith("<b>Marked</b>") and text_of(node["description"]).startswith("Marked up.")


def test_parsed_text_is_read_as_it_is() -> None:
    assert text_of(ParsedText("a &lt;b&gt; <i>  word")) == "a &lt;b&gt; <i> word"  # only spaces folded
    assert text_of("a &lt;b&gt; <i>  word") == "a <b> word"
