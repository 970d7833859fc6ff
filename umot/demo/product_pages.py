"""A product's review pages: ten reviews a page, newest first, linked by ``rel=prev/next``.

Microdata and RDFa brands carry their reviews in the page's HTML; the JSON-LD
brands show them as plain text and put the data in the head
(:mod:`umot.demo.product_jsonld`), as real sites do.
"""

from __future__ import annotations

from umot.demo.layout import page_html
from umot.demo.markup import escape, jsonld_script, microdata_review, rdfa_review, visible_review
from umot.demo.product_jsonld import product_jsonld
from umot.demo.products import PAGE_SIZE, DemoProduct


def page_links(product: DemoProduct, page: int) -> tuple[list[str], str]:
    """The ``<link>`` tags for the head and the pagination ``<nav>`` of ``page``, both by ``rel``."""
    head, nav = [], []
    if page > 1:
        head.append(f'<link rel="prev" href="{product.page_path(page - 1)}">')
        nav.append(f'<a rel="prev" href="{product.page_path(page - 1)}">‹ Newer reviews</a>')
    if page < product.n_pages:
        head.append(f'<link rel="next" href="{product.page_path(page + 1)}">')
        nav.append(f'<a rel="next" href="{product.page_path(page + 1)}">Next ›</a>')
    return head, f'<nav class="pagination">{" ".join(nav)}</nav>'


def product_page(product: DemoProduct, page: int) -> str:
    """Page ``page`` of a product's reviews (newest first), in the brand's markup."""
    chunk = product.reviews[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    head, nav_html = page_links(product, page)
    title = f"{product.name} reviews, page {page}" if page > 1 else f"{product.name} reviews"
    byline = f"<p>by {escape(product.brand.name)} · page {page} of {product.n_pages}</p>"

    if product.markup == "microdata":
        body = (
            f'<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">{escape(product.name)}</h1>'
            + byline + "\n".join(microdata_review(r) for r in chunk) + "</div>" + nav_html
        )
        return page_html(title, body, "\n".join(head))
    if product.markup == "rdfa":
        body = (
            f'<div vocab="https://schema.org/" typeof="Product" resource="urn:umot-demo:product:{product.slug}">'
            f'<h1 property="name">{escape(product.name)}</h1>'
            + byline + "\n".join(rdfa_review(r) for r in chunk) + "</div>" + nav_html
        )
        return page_html(title, body, "\n".join(head))
    data = product_jsonld(product, chunk)
    if data is not None:
        head.append(jsonld_script(data))
    heading = f"<h1>{escape(product.name)}</h1>" + byline
    visible = "\n".join(visible_review(r) for r in chunk)
    return page_html(title, heading + "\n" + visible + "\n" + nav_html, "\n".join(head))
