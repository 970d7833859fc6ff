"""The pages a crawl starts from: the site's index and each brand's product list.

They also link the private product, where robots.txt forbids it, so a crawler
that ignores robots.txt finds reviews it should not have.
"""

from __future__ import annotations

from umot.demo.brands import BRANDS, BrandSpec
from umot.demo.layout import page_html
from umot.demo.markup import escape
from umot.demo.site import SiteContent


def index_page(content: SiteContent) -> str:
    """Every brand with its products and their review counts, plus a link to the private notes."""
    parts = ["<h1>umot demo reviews</h1><p>Invented brands and reviews for trying umot.</p>"]
    for spec in BRANDS:
        links = "".join(
            f'<li><a href="{p.path}">{escape(p.name)}</a> ({len(p.reviews)} reviews)</li>'
            for p in content.brand_products(spec.slug)
        )
        parts.append(f'<h2><a href="/brands/{spec.slug}/">{escape(spec.name)}</a></h2><ul>{links}</ul>')
    parts.append(f'<p><a href="{content.private_path}">Staff notes (internal)</a></p>')
    return page_html("umot demo reviews", "\n".join(parts))


def brand_page(content: SiteContent, spec: BrandSpec) -> str:
    """A brand's products, its broken ones included (the malformed page, the 500)."""
    products = content.brand_products(spec.slug)
    if spec.slug == content.clearance.brand.slug:
        products = [*products, content.clearance]
    if spec.slug == content.failing.brand.slug:
        products = [*products, content.failing]
    links = "".join(f'<li><a href="{p.path}">{escape(p.name)}</a></li>' for p in products)
    extra = ""
    if spec.slug == content.private.brand.slug:
        extra = f'<p><a href="{content.internal_path}">Staff picks (internal)</a></p>'
    body = f'<h1>{escape(spec.name)}</h1><ul>{links}</ul>{extra}<p><a href="/">All brands</a></p>'
    return page_html(f"{spec.name} reviews", body)
