"""The demo site's pages: ``path -> (status, html)`` for every path it answers.

Each product's reviews paginated in its brand's markup (:mod:`umot.demo.product_pages`),
the index and brand pages (:mod:`umot.demo.index_pages`), plus the pages that are
broken on purpose: malformed JSON-LD (:mod:`umot.demo.malformed_page`), a 500,
and the private product at two paths robots.txt forbids.
"""

from __future__ import annotations

from umot.demo.brands import BRANDS
from umot.demo.index_pages import brand_page, index_page
from umot.demo.layout import page_html
from umot.demo.malformed_page import malformed_page
from umot.demo.product_pages import product_page
from umot.demo.site import SiteContent

ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nDisallow: /brands/acme-kitchen/internal/\n"


def build_pages(content: SiteContent) -> dict[str, tuple[int, str]]:
    """Every path the site answers: ``path -> (status, html)``."""
    pages: dict[str, tuple[int, str]] = {"/": (200, index_page(content))}
    for spec in BRANDS:
        pages[f"/brands/{spec.slug}/"] = (200, brand_page(content, spec))
    for product in content.products:
        for page in range(1, product.n_pages + 1):
            pages[product.page_path(page)] = (200, product_page(product, page))
    pages[content.clearance.path] = (200, malformed_page(content.clearance, content.clearance_lost))
    pages[content.failing.path] = (500, page_html("Server error", "<h1>500 Internal Server Error</h1>"))
    private_page = (200, product_page(content.private, 1))
    pages[content.private_path] = private_page
    pages[content.internal_path] = private_page
    return pages
