"""Every structured-data syntax on a page (JSON-LD, microdata, RDFa) as plain, compact nodes.

extruct does the syntax work; this module makes its three outputs look alike
(schema.org IRIs stripped from keys and types: :mod:`crawlers.extract.compact_nodes`; RDFa's
expanded value lists flattened) and falls back to reading JSON-LD block by block when one block is
broken. What cannot be read is appended to ``errors``, one reason each.

Microdata text content and RDFa's plain literals come out as :class:`ParsedText`:
the HTML parser already decoded them, so they are not stripped of "tags" again
(microdata is read in :mod:`crawlers.extract.microdata`).
RDFa is read in :mod:`crawlers.extract.rdfa` (its text with line breaks, as microdata's).

A page is given as text (a crawl passes the text Scrapy decoded by the page's
header, byte order mark or ``<meta charset>``) or as bytes, decoded here the same
way less the header; either reaches the parsers as UTF-8 bytes, which they are told.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.etree
import lxml.html
from extruct.jsonld import JsonLdExtractor
from extruct.uniform import _umicrodata_microformat
from w3lib.encoding import html_to_unicode

import crawlers.extract._lazy  # noqa: F401 - before extruct: its microformats parser loads lazily
from crawlers.extract.compact_nodes import compact
from crawlers.extract.jsonld import iter_jsonld_blocks, load_jsonld_block
from crawlers.extract.microdata import Microdata
from crawlers.extract.rdfa import rdfa_nodes

logger = logging.getLogger(__name__)

_HAS_RDFA = lxml.etree.XPath("boolean(//*[@typeof or @property or @vocab])")
_EMPTY_BLOCK = lxml.etree.XPath('boolean(//script[@type="application/ld+json"][not(normalize-space())])')
_RAW_BLOCKS = re.compile(rb"""<script\b[^>]*?\btype\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script""", re.I | re.S)


def _jsonld_nodes(document: Any, url: str, errors: list[str]) -> list[dict]:
    """The page's JSON-LD; when one block breaks the whole, the readable blocks one by one.

    A block nested deeper than Python recurses (``RecursionError``, in the JSON parser or
    :func:`compact`) is one unreadable block, as broken JSON is: the page's others are read.
    """
    try:
        return compact(JsonLdExtractor().extract_items(document, base_url=url))
    except Exception as exc:  # noqa: BLE001 - fall back to one block at a time
        logger.info("JSON-LD at %s unreadable as a whole (%s); reading blocks one by one", url, exc)
    nodes: list[dict] = []
    for index, text in iter_jsonld_blocks(document):
        try:
            nodes.extend(compact(load_jsonld_block(text)))
        except ValueError as exc:
            errors.append(f"JSON-LD block {index}: {exc}")
        except RecursionError:
            errors.append(f"JSON-LD block {index}: nested too deeply to read")
    return nodes


def _lost_blocks(document: Any, html: bytes) -> str | None:
    """Why JSON-LD in the HTML came out of the parser empty (a text node lxml would not hold), if it did.

    Only a page with an empty block is searched: the raw blocks with text are counted against the parsed ones.
    """
    if not _EMPTY_BLOCK(document):
        return None
    raw = sum(1 for m in _RAW_BLOCKS.finditer(html) if m.group(1).strip())
    read = sum(1 for _, text in iter_jsonld_blocks(document) if text.strip())
    return f"JSON-LD: {raw - read} block(s) with text in the HTML read as empty" if raw > read else None


def _utf8_page(html: str | bytes) -> bytes:
    """The page as UTF-8 bytes: text as decoded, bytes by their BOM or ``<meta charset>`` (else UTF-8).

    Bytes, not text, for lxml: it refuses text that opens with an XML encoding declaration (XHTML).
    """
    text = html if isinstance(html, str) else html_to_unicode(None, html)[1]
    return text.encode("utf-8", "replace")


def page_nodes(html: str | bytes, url: str, errors: list[str]) -> list[tuple[str, dict]]:
    """Every top-level structured-data node on the page, tagged with its syntax."""
    out: list[tuple[str, dict]] = []
    html = _utf8_page(html)
    try:  # huge_tree: lxml otherwise drops a text node over 10 MB (a JSON-LD block) and the page after it
        document = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=True))
    except Exception as exc:  # noqa: BLE001
        errors.append(f"unparseable HTML: {exc}")
        return out
    out += [("json-ld", n) for n in _jsonld_nodes(document, url, errors)]
    if lost := _lost_blocks(document, html):
        errors.append(lost)
    try:
        micro = Microdata().extract_items(document, base_url=url)
        out += [("microdata", n) for n in compact(_umicrodata_microformat(micro, "http://schema.org"))]
    except Exception as exc:  # noqa: BLE001
        errors.append(f"microdata: {type(exc).__name__}: {exc}")
    if _HAS_RDFA(document):  # the RDFa parser is slow: only where RDFa attributes exist
        try:
            out += [("rdfa", n) for n in compact(rdfa_nodes(html, url))]
        except Exception as exc:  # noqa: BLE001
            errors.append(f"RDFa: {type(exc).__name__}: {exc}")
    return out
