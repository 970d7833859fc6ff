"""A fetched HTML page as text, in the encoding it declares (else UTF-8, else windows-1252).

Shared by the spiders whose parsers read a page's text (``schemaorg`` and the
HTML review listings), so every page is decoded by one rule.
"""

from __future__ import annotations

from scrapy.http import TextResponse
from w3lib.encoding import html_to_unicode


def _utf8_else_cp1252(body: bytes) -> str:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def page_text(response: TextResponse) -> str:
    """The page's text in the encoding its BOM, ``Content-Type`` header or ``<meta charset>`` names.

    Scrapy's order (w3lib's ``html_to_unicode``), but a page that names none is
    UTF-8 where its bytes are, else windows-1252, the HTML standard's fallback
    (Scrapy's statistical guess reads a short French page as windows-1250: "crčme").
    """
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    return html_to_unicode(content_type, response.body, auto_detect_fun=_utf8_else_cp1252)[1]
