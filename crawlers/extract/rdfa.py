"""A page's RDFa as plain nodes, its text read as microdata reads an element's text.

extruct's RDFa parser (pyRdfa) makes an element's plain literal of its text nodes
joined as they are: ``<p>Great kettle.</p><p>Boils fast.<br/>Quiet too.</p>`` came out
``Great kettle.Boils fast.Quiet too.``, where microdata keeps its lines. Each plain
literal that is an element's text is read again from that element the way extruct's
microdata does (paragraphs, ``<br>`` and blocks as line breaks); attribute values
(``content``) and literals typed as HTML/XML stay as the parser gave them.

The parser also resolves every resource against the page: ``resource="#review-7"`` is
given back as written (``#review-7``), as JSON-LD's ``"@id": "#review-7"`` is, so both are
read as the page's anchor (``crawlers.extract.review_ids``), not as the page's URL.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from extruct.rdfa import RDFaExtractor
from extruct.utils import parse_xmldom_html
from extruct.w3cmicrodata import MicrodataExtractor

from crawlers.extract.markup import ParsedText

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_MARKUP_LITERALS = {_RDF + "HTML", _RDF + "XMLLiteral"}  # RDFa literals that are markup, as JSON-LD strings
_ELEMENT_TEXT = MicrodataExtractor()._extract_textContent  # noqa: SLF001 - the text microdata gives


def _joined_text(element: Any) -> str:
    """An element's text as pyRdfa joins it for a plain literal: its text nodes, nothing between."""
    parts = [element.text or ""]
    for child in element:
        parts += [_joined_text(child), child.tail or ""]
    return "".join(parts)


class _ElementTexts:
    """Literal as the RDFa parser joined it -> the element's text as microdata reads it (else as joined)."""

    def __init__(self, tree: Any):
        self._tree = tree
        self._elements: dict[str, Any] | None = None

    def __call__(self, joined: str) -> str:
        if self._elements is None:  # only a page with text literals needs the walk
            self._elements = {}
            for element in self._tree.xpath("//*[@property and not(@content)]"):
                self._elements.setdefault(_joined_text(element), element)
        element = self._elements.get(joined)
        return joined if element is None else str(_ELEMENT_TEXT(element))


def _anchors(tree: Any, url: str) -> dict[str, str]:
    """``resource`` / ``about`` written as an anchor of the page, by the IRI the parser made of it."""
    base = urljoin(url, (tree.xpath("//head/base/@href") or [""])[0].strip())
    written = tree.xpath("//@resource[starts-with(., '#')] | //@about[starts-with(., '#')]")
    return {urljoin(base, str(anchor).strip()): str(anchor).strip() for anchor in written if len(anchor.strip()) > 1}


def _literal(value: dict, texts: _ElementTexts) -> Any:
    """An RDFa literal: text as microdata would read it, unless typed as HTML/XML (markup then)."""
    text = value["@value"]
    if isinstance(text, str) and value.get("@type") not in _MARKUP_LITERALS:
        return ParsedText(texts(text))
    return text


def rdfa_nodes(html: bytes, url: str) -> list[dict]:
    """The page's RDFa nodes, plain: ``[{"@value": ..}]`` lists flattened (keys still full IRIs)."""
    tree = parse_xmldom_html(html, encoding="utf-8")
    texts, anchors = _ElementTexts(tree), _anchors(tree, url)
    nodes = []
    for item in RDFaExtractor().extract_items(tree, base_url=url):
        node: dict[str, Any] = {"@id": anchors.get(item.get("@id"), item.get("@id")), "@type": item.get("@type", [])}
        for key, values in item.items():
            if key.startswith("@"):
                continue
            plain = []
            for v in values if isinstance(values, list) else [values]:
                if isinstance(v, dict) and "@value" in v:
                    plain.append(_literal(v, texts))
                elif isinstance(v, dict) and "@id" in v:
                    plain.append({"@id": anchors.get(v["@id"], v["@id"])})
                else:
                    plain.append(v)
            node[key] = plain[0] if len(plain) == 1 else plain
        nodes.append(node)
    return nodes
