"""crawlers.extract.nodes and .graph: every syntax as alike nodes, then one graph of reviews."""

from __future__ import annotations

import json

from crawlers.extract.compact_nodes import local_name, node_types
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.nodes import page_nodes

JSONLD = {"@context": "https://schema.org", "@graph": [
    {"@type": "Product", "@id": "#p", "name": "Kettle", "review": [{"@id": "#r1"}]},
    {"@type": "Review", "@id": "#r1", "reviewBody": "Boils fast.", "reviewRating": {"@type": "Rating", "ratingValue": 5}},
    {"@type": "UserReview", "@id": "#r2", "reviewBody": "Loose lid.", "itemReviewed": {"@id": "#p"}},
]}
MICRODATA = ('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Toaster</span>'
             '<div itemprop="review" itemscope itemtype="https://schema.org/Review">'
             '<p itemprop="reviewBody">Burns toast.</p></div></div>')
RDFA = ('<div vocab="https://schema.org/" typeof="Review" resource="urn:r3">'
        '<p property="reviewBody">Quiet.</p></div>')


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_names_and_types_lose_their_schema_org_prefix() -> None:
    assert local_name("https://schema.org/Review") == local_name("schema:Review") == "Review"
    assert node_types({"@type": ["http://schema.org/Product", "Thing"]}) == {"Product", "Thing"}
    assert node_types({"type": "https://schema.org/Review"}) == {"Review"}
    assert node_types({}) == set()


def test_every_syntax_becomes_alike_nodes_tagged_with_it() -> None:
    head = f'<script type="application/ld+json">{json.dumps(JSONLD)}</script>'
    errors: list[str] = []
    nodes = page_nodes(_page(MICRODATA + RDFA, head), "https://shop.example/kettle", errors)
    assert errors == []
    syntaxes = {syntax for syntax, _ in nodes}
    assert syntaxes == {"json-ld", "microdata", "rdfa"}
    (micro,) = [n for s, n in nodes if s == "microdata"]
    assert micro["@type"] == ["Product"] and micro["review"]["reviewBody"] == "Burns toast."
    (rdfa,) = [n for s, n in nodes if s == "rdfa" and node_types(n)]  # RDFa also yields the untyped page node
    assert node_types(rdfa) == {"Review"} and rdfa["reviewBody"] == "Quiet." and rdfa["@id"] == "urn:r3"


def test_one_broken_json_ld_block_loses_only_itself() -> None:
    good = '<script type="application/ld+json">{"@type": "Review", "reviewBody": "Fine."}</script>'
    broken = '<script type="application/ld+json">{"@type": "Review", "reviewBody": </script>'
    errors: list[str] = []
    nodes = page_nodes(_page("", good + broken), "https://shop.example/", errors)
    assert [n["reviewBody"] for _, n in nodes] == ["Fine."]
    assert len(errors) == 1 and errors[0].startswith("JSON-LD block 2:")


def test_the_graph_resolves_references_and_finds_each_review_with_its_item() -> None:
    errors: list[str] = []
    head = f'<script type="application/ld+json">{json.dumps(JSONLD)}</script>'
    graph = ReviewGraph(page_nodes(_page("", head), "https://shop.example/kettle", errors))
    found = {node["reviewBody"]: parent for _, node, parent in graph.reviews.values()}
    assert set(found) == {"Boils fast.", "Loose lid."}
    assert found["Boils fast."]["name"] == "Kettle"  # listed under the product's review: the product is its item
    assert found["Loose lid."] is None  # names its item itself (itemReviewed), read from the review
    assert graph.resolve({"@id": "#p"})["name"] == "Kettle"
    assert graph.resolve({"@id": "#elsewhere"}) == {"@id": "#elsewhere"}
