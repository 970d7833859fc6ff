"""The demo site's pages: ``path -> (status, html)`` for every path it answers, each
product's reviews paginated in its brand's markup (:mod:`umot.demo.markup`), plus the
pages that are broken on purpose: malformed JSON-LD, a 500, pages robots.txt forbids."""

from __future__ import annotations

import html
import json

from umot.demo.markup import (
    aggregate_rating,
    jsonld_script,
    microdata_review,
    rdfa_review,
    review_json,
    visible_review,
)
from umot.demo.markup import escape as _e
from umot.demo.site import BRANDS, PAGE_SIZE, BrandSpec, DemoProduct, DemoReview, SiteContent

BANNER = "Sample data for the umot demo"
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nDisallow: /brands/acme-kitchen/internal/\n"


def _page(title: str, body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>\n'
        f"{head}\n</head><body>\n"
        f'<p class="banner" style="background:#fde68a;padding:.5em;font-weight:bold">{BANNER}</p>\n'
        f"{body}\n"
        f'<footer><p>{BANNER}: invented brands, products and reviews.</p></footer>\n</body></html>\n'
    )


def product_page(product: DemoProduct, page: int) -> str:
    """Page ``page`` of a product's reviews (newest first), in the brand's markup."""
    spec = product.brand
    chunk = product.reviews[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    head, nav = [], []
    if page > 1:
        head.append(f'<link rel="prev" href="{product.page_path(page - 1)}">')
        nav.append(f'<a rel="prev" href="{product.page_path(page - 1)}">‹ Newer reviews</a>')
    if page < product.n_pages:
        head.append(f'<link rel="next" href="{product.page_path(page + 1)}">')
        nav.append(f'<a rel="next" href="{product.page_path(page + 1)}">Next ›</a>')
    title = f"{product.name} reviews, page {page}" if page > 1 else f"{product.name} reviews"
    heading = f"<h1>{_e(product.name)}</h1><p>by {_e(spec.name)} · page {page} of {product.n_pages}</p>"
    nav_html = f'<nav class="pagination">{" ".join(nav)}</nav>'
    visible = "\n".join(visible_review(r) for r in chunk)

    if product.markup == "microdata":
        body = (
            f'<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">{_e(product.name)}</h1>'
            f"<p>by {_e(spec.name)} · page {page} of {product.n_pages}</p>"
            + "\n".join(microdata_review(r) for r in chunk) + "</div>" + nav_html
        )
        return _page(title, body, "\n".join(head))
    if product.markup == "rdfa":
        body = (
            f'<div vocab="https://schema.org/" typeof="Product" resource="urn:umot-demo:product:{product.slug}">'
            f'<h1 property="name">{_e(product.name)}</h1><p>by {_e(spec.name)} · page {page} of '
            f"{product.n_pages}</p>" + "\n".join(rdfa_review(r) for r in chunk) + "</div>" + nav_html
        )
        return _page(title, body, "\n".join(head))
    if product.markup == "product":
        data = {
            "@context": "https://schema.org", "@type": "Product", "name": product.name,
            "brand": {"@type": "Brand", "name": spec.name},
            "aggregateRating": aggregate_rating(product.reviews, spec.scale),
            "review": [review_json(r, i) for i, r in enumerate(chunk)],
        }
        head.append(jsonld_script(data))
    elif product.markup == "graph":
        hotel_id = f"urn:umot-demo:hotel:{product.slug}"
        graph: list[dict] = [{
            "@type": "Hotel", "@id": hotel_id, "name": product.name,
            "aggregateRating": aggregate_rating(product.reviews, spec.scale),
            "review": [{"@id": r.external_id} for r in chunk],
        }]
        graph += [review_json(r, i, declare_language=True) for i, r in enumerate(chunk)]
        head.append(jsonld_script({"@context": "https://schema.org", "@graph": graph}))
    elif product.markup == "toplevel":
        items = []
        for i, r in enumerate(chunk):
            data = review_json(r, i)
            data["@context"] = "https://schema.org"
            data["itemReviewed"] = {"@type": "Product", "name": product.name}
            if not r.rating_raw:
                data["reviewRating"] = {"@type": "Rating", "ratingValue": "0"}
            items.append(data)
        head.append(jsonld_script(items))
    return _page(title, heading + "\n" + visible + "\n" + nav_html, "\n".join(head))


def malformed_page(product: DemoProduct, lost: list[DemoReview]) -> str:
    """Three JSON-LD blocks broken the way real pages are; only the last cannot be repaired."""
    good = {"@context": "https://schema.org", "@type": "Product", "name": product.name,
            "review": [review_json(r, i) for i, r in enumerate(product.reviews[:2])]}
    cdata = "//<![CDATA[\n" + json.dumps(good, ensure_ascii=False) + ";\n//]]>"
    escaped = [
        {"@context": "https://schema.org", **review_json(r, i),
         "itemReviewed": {"@type": "Product", "name": product.name}}
        for i, r in enumerate(product.reviews[2:])
    ]
    quoted = "<!-- " + html.escape(json.dumps(escaped, ensure_ascii=False), quote=True) + " -->"
    broken = json.dumps([review_json(r, i) for i, r in enumerate(lost)], ensure_ascii=False)[:-40]
    head = "\n".join(
        f'<script type="application/ld+json">\n{block}\n</script>' for block in (cdata, quoted, broken)
    )
    body = (f"<h1>{_e(product.name)}</h1><p>Last few items, reviews below.</p>"
            + "\n".join(visible_review(r) for r in product.reviews + lost))
    return _page(f"{product.name} reviews", body, head)


def index_page(content: SiteContent) -> str:
    parts = ["<h1>umot demo reviews</h1><p>Invented brands and reviews for trying umot.</p>"]
    for spec in BRANDS:
        links = "".join(
            f'<li><a href="{p.path}">{_e(p.name)}</a> ({len(p.reviews)} reviews)</li>'
            for p in content.brand_products(spec.slug)
        )
        parts.append(f'<h2><a href="/brands/{spec.slug}/">{_e(spec.name)}</a></h2><ul>{links}</ul>')
    parts.append(f'<p><a href="{content.private.path.replace("/brands/acme-kitchen/", "/private/")}">'
                 "Staff notes (internal)</a></p>")
    return _page("umot demo reviews", "\n".join(parts))


def brand_page(content: SiteContent, spec: BrandSpec) -> str:
    products = content.brand_products(spec.slug)
    if spec.slug == content.clearance.brand.slug:
        products = [*products, content.clearance]
    if spec.slug == content.failing.brand.slug:
        products = [*products, content.failing]
    links = "".join(f'<li><a href="{p.path}">{_e(p.name)}</a></li>' for p in products)
    extra = ""
    if spec.slug == content.private.brand.slug:
        extra = f'<p><a href="{content.private.path.replace("/staff-picks/", "/internal/staff-picks/")}">' \
                "Staff picks (internal)</a></p>"
    body = f'<h1>{_e(spec.name)}</h1><ul>{links}</ul>{extra}<p><a href="/">All brands</a></p>'
    return _page(f"{spec.name} reviews", body)


def build_pages(content: SiteContent) -> dict[str, tuple[int, str]]:
    """Every path the site answers: ``path -> (status, html)``."""
    pages: dict[str, tuple[int, str]] = {"/": (200, index_page(content))}
    for spec in BRANDS:
        pages[f"/brands/{spec.slug}/"] = (200, brand_page(content, spec))
    for product in content.products:
        for page in range(1, product.n_pages + 1):
            pages[product.page_path(page)] = (200, product_page(product, page))
    pages[content.clearance.path] = (200, malformed_page(content.clearance, content.clearance_lost))
    pages[content.failing.path] = (500, _page("Server error", "<h1>500 Internal Server Error</h1>"))
    private_page = (200, product_page(content.private, 1))
    pages[content.private.path.replace("/brands/acme-kitchen/", "/private/")] = private_page
    pages[content.private.path.replace("/staff-picks/", "/internal/staff-picks/")] = private_page
    return pages
