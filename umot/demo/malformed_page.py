"""The clearance page: three JSON-LD blocks broken the way real pages break them.

A CDATA-wrapped block with a trailing ``;`` and an HTML-escaped block inside a
comment can be repaired, so a crawler should read their reviews; the third is
cut short and cannot, so its reviews ("lost") are only in the visible text.
"""

from __future__ import annotations

import html
import json

from umot.demo.layout import page_html
from umot.demo.markup import escape, review_json, visible_review
from umot.demo.products import DemoProduct
from umot.demo.reviews import DemoReview


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
    body = (f"<h1>{escape(product.name)}</h1><p>Last few items, reviews below.</p>"
            + "\n".join(visible_review(r) for r in product.reviews + lost))
    return page_html(f"{product.name} reviews", body, head)
