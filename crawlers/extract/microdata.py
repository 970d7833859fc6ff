"""Microdata values as schema.org readers take them, on top of extruct's reading of the syntax.

An element's text content comes out as :class:`ParsedText` (the HTML parser already
decoded it: no tags to strip again; attributes are not). Two values extruct reads by
the letter of the microdata rules are read as a person would: a ``<time>`` without
``datetime`` is its text, as the HTML standard says (extruct gave ""), and a link
naming an author is the name, not the profile URL it points to.
"""

from __future__ import annotations

from typing import Any

from extruct.w3cmicrodata import MicrodataExtractor

from crawlers.extract.markup import ParsedText

#: Properties that name someone or something: on a link, the name is its text, not its URL.
NAME_PROPERTIES = frozenset({"author", "creator", "contributor", "editor", "publisher", "name", "alternateName"})


class Microdata(MicrodataExtractor):
    """extruct's microdata, an element's text content marked as already parsed (attributes are not)."""

    def _extract_textContent(self, node: Any) -> ParsedText:  # noqa: N802 - extruct's name
        return ParsedText(super()._extract_textContent(node))

    def _extract_property_value(self, node: Any, items_seen: Any, base_url: str, itemids: Any,
                                force: bool = False) -> Any:
        """extruct's value, less two misreadings: a ``<time>`` without ``datetime`` is its text (the HTML
        standard; extruct gave ""), and ``By <a itemprop="author" href="/users/ann">Ann</a>`` names Ann, as
        schema.org readers take it, not her profile URL (kept when the link has no text)."""
        if force or node.get("itemscope") is None:
            if node.tag == "time" and "datetime" not in node.attrib:
                return self._extract_textContent(node)
            names = {name.rsplit("/", 1)[-1] for name in (node.get("itemprop") or "").split()}  # schema.org/author
            if node.tag == "a" and names & NAME_PROPERTIES and (text := self._extract_textContent(node)).strip():
                return text
        return super()._extract_property_value(node, items_seen, base_url, itemids, force)
