"""A page's RDFa as plain nodes, its text read as microdata reads an element's text.

extruct's RDFa parser (pyRdfa) makes an element's plain literal of its text nodes
joined as they are: ``<p>Great kettle.</p><p>Boils fast.<br/>Quiet too.</p>`` came out
``Great kettle.Boils fast.Quiet too.``, where microdata keeps its lines. Each plain
literal that is an element's text is read again from that element the way extruct's
microdata does (paragraphs, ``<br>`` and blocks as line breaks); attribute values
(``content``) and literals typed as HTML/XML stay as the parser gave them. A ``<time>`` with a
``datetime`` is that attribute, as HTML+RDFa says (and microdata reads it): its text is for
people ("3 days ago").

The parser also resolves every resource against the page: ``resource="#review-7"`` is
given back as written (``#review-7``), as JSON-LD's ``"@id": "#review-7"`` is, so both are
read as the page's anchor (``crawlers.extract.review_ids``), not as the page's URL.

A name given as a link (``By <a property="author" href="/users/ann">Ann</a>``) is a
reference to the link by the letter of RDFa, which named no one: it is the link's text, as
in microdata, kept with the reference crawls read before
(:class:`crawlers.extract.link_names.LinkText`), unless the page describes what it links to.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from extruct.rdfa import RDFaExtractor
from extruct.utils import parse_xmldom_html
from extruct.w3cmicrodata import MicrodataExtractor

from crawlers.extract.link_names import LinkText, is_name
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
    base = _base(tree, url)
    written = tree.xpath("//@resource[starts-with(., '#')] | //@about[starts-with(., '#')]")
    return {urljoin(base, str(anchor).strip()): str(anchor).strip() for anchor in written if len(anchor.strip()) > 1}


def _base(tree: Any, url: str) -> str:
    return urljoin(url, (tree.xpath("//head/base/@href") or [""])[0].strip())


def _named_links(tree: Any, url: str) -> dict[tuple[str, str], ParsedText]:
    """(name property, the IRI the parser made of the link) -> the link's text, for each name given as a link:
    an element with a name property and an ``href``, nothing that makes it a resource of its own."""
    base = _base(tree, url)
    found: dict[tuple[str, str], ParsedText] = {}
    for element in tree.xpath("//*[@property and @href and not(@rel or @rev or @typeof or @content or @datatype"
                              " or @resource or @src)]"):
        text = _ELEMENT_TEXT(element)
        if is_name(element.get("property")) and text.strip():
            link = urljoin(base, element.get("href").strip())
            for name in element.get("property").split():
                found.setdefault((name.rsplit("/", 1)[-1].rsplit(":", 1)[-1], link), ParsedText(text))
    return found


def _literal(value: dict, texts: _ElementTexts) -> Any:
    """An RDFa literal: text as microdata would read it, unless typed as HTML/XML (markup then)."""
    text = value["@value"]
    if isinstance(text, str) and value.get("@type") not in _MARKUP_LITERALS:
        return ParsedText(texts(text))
    return text


def _time_values(tree: Any) -> None:
    """A ``<time property datetime>``'s value is its ``datetime`` (HTML+RDFa), not its text: given to the parser
    as ``content``, which it reads first. Found by the element, not its text: "3 days ago" may be on every review."""
    for element in tree.xpath("//time[@property and normalize-space(@datetime) and not(@content)]"):
        element.set("content", element.get("datetime").strip())


def rdfa_nodes(html: bytes, url: str) -> list[dict]:
    """The page's RDFa nodes, plain: ``[{"@value": ..}]`` lists flattened (keys still full IRIs)."""
    tree = parse_xmldom_html(html, encoding="utf-8")
    _time_values(tree)
    texts, anchors, named = _ElementTexts(tree), _anchors(tree, url), _named_links(tree, url)
    items = list(RDFaExtractor().extract_items(tree, base_url=url))
    described = {item.get("@id") for item in items}  # a link to one of these is a reference, as it was
    nodes = []
    for item in items:
        node: dict[str, Any] = {"@id": anchors.get(item.get("@id"), item.get("@id")), "@type": item.get("@type", [])}
        for key, values in item.items():
            if key.startswith("@"):
                continue
            plain = []
            for v in values if isinstance(values, list) else [values]:
                if isinstance(v, dict) and "@value" in v:
                    plain.append(_literal(v, texts))
                elif isinstance(v, dict) and "@id" in v:
                    reference = {"@id": anchors.get(v["@id"], v["@id"])}
                    text = named.get((key.rsplit("/", 1)[-1], v["@id"])) if v["@id"] not in described else None
                    plain.append(reference if text is None else LinkText(text, reference))
                else:
                    plain.append(v)
            node[key] = plain[0] if len(plain) == 1 else plain
        nodes.append(node)
    return nodes
