"""The HTML shell every demo page shares, with the banner that marks it as sample data.

Every page says so (tests check it), so nobody mistakes a crawl of the demo for real reviews.
"""

from __future__ import annotations

from umot.demo.markup import escape

BANNER = "Sample data for the umot demo"


def page_html(title: str, body: str, head: str = "", lang: str = "en") -> str:
    """A whole HTML document: ``head`` goes into ``<head>`` (links, JSON-LD), ``body`` between the banners."""
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>\n'
        f"{head}\n</head><body>\n"
        f'<p class="banner" style="background:#fde68a;padding:.5em;font-weight:bold">{BANNER}</p>\n'
        f"{body}\n"
        f'<footer><p>{BANNER}: invented brands, products and reviews.</p></footer>\n</body></html>\n'
    )
