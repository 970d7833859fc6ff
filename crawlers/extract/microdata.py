"""Microdata values as schema.org readers take them, on top of extruct's reading of the syntax.

An element's text content comes out as :class:`ParsedText` (the HTML parser already
decoded it: no tags to strip again; attributes are not). Two values extruct reads by
the letter of the microdata rules are read as a person would: a ``<time>`` without
``datetime`` is its text, as the HTML standard says (extruct gave ""), and a link
naming an author is the name, not the profile URL it points to (a
:class:`crawlers.extract.link_names.LinkText` that keeps the URL, which crawls read before).
"""

from __future__ import annotations

from typing import Any

from extruct.w3cmicrodata import MicrodataExtractor

from crawlers.extract.link_names import NAME_PROPERTIES, LinkText, is_name
from crawlers.extract.markup import ParsedText

__all__ = ["NAME_PROPERTIES", "Microdata"]


class Microdata(MicrodataExtractor):
    """extruct's microdata, an element's text content marked as already parsed (attributes are not)."""

    def _extract_textContent(self, node: Any) -> ParsedText:  # noqa: N802 - extruct's name
        return ParsedText(super()._extract_textContent(node))

    def _extract_property_value(self, node: Any, items_seen: Any, base_url: str, itemids: Any,
                                force: bool = False) -> Any:
        """extruct's value, less two misreadings: a ``<time>`` without ``datetime`` is its text (the HTML
        standard; extruct gave ""), and ``By <a itemprop="author" href="/users/ann">Ann</a>`` names Ann, as
        schema.org readers take it, not her profile URL (kept when the link has no text, and in the name as
        what crawls read before)."""
        if force or node.get("itemscope") is None:
            if node.tag == "time" and "datetime" not in node.attrib:
                return self._extract_textContent(node)
            if node.tag == "a" and is_name(node.get("itemprop")) and (text := self._extract_textContent(node)).strip():
                return LinkText(text, super()._extract_property_value(node, items_seen, base_url, itemids, force))
        return super()._extract_property_value(node, items_seen, base_url, itemids, force)
