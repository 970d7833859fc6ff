"""The demo review site's content: brands, products and reviews (:mod:`umot.demo.pages` renders them).

Everything is generated from a seed, so a given ``(seed, size, anchor date)``
always gives the same site. Brands use different markup on purpose
(:mod:`umot.demo.brands`), and a few pages are broken the way real ones are
(malformed JSON-LD, a 500, a page robots.txt forbids).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime

from umot.demo.brands import BRANDS
from umot.demo.products import DemoProduct, product_names, slugify
from umot.demo.reviews import DemoReview, make_reviews


@dataclass
class SiteContent:
    """All products of the demo site plus its special pages."""

    products: list[DemoProduct]
    clearance: DemoProduct  # malformed JSON-LD: some reviews readable, some not
    clearance_lost: list[DemoReview]  # inside the unreadable block
    private: DemoProduct  # forbidden by robots.txt
    failing: DemoProduct  # answers 500

    def brand_products(self, slug: str) -> list[DemoProduct]:
        return [p for p in self.products if p.brand.slug == slug]

    @property
    def private_path(self) -> str:
        """Where the index links the private product: under ``/private/``, which robots.txt forbids."""
        return self.private.path.replace("/brands/acme-kitchen/", "/private/")

    @property
    def internal_path(self) -> str:
        """Where its brand page links it: under the brand's ``internal/``, also forbidden."""
        return self.private.path.replace("/staff-picks/", "/internal/staff-picks/")


def build_content(
    *, reviews_per_product: int | None = None, n_reviews: int | None = None, seed: int = 0,
    anchor: date | None = None,
) -> SiteContent:
    """Generate the site. ``n_reviews``: how many reviews a full crawl finds in total."""
    rng = random.Random(seed)
    anchor = anchor or datetime.now(UTC).date()
    acme = BRANDS[0]
    clearance = DemoProduct(acme, "clearance-bundle", "Clearance Bundle", "malformed")
    clearance.reviews = make_reviews(rng, acme, clearance.name, clearance.slug, 4, anchor)
    lost = make_reviews(rng, acme, clearance.name, clearance.slug, 2, anchor, prefix="lost-")
    private = DemoProduct(acme, "staff-picks", "Staff Picks", "product")
    private.reviews = make_reviews(rng, acme, private.name, private.slug, 3, anchor, prefix="private-")
    lumen = BRANDS[3]
    failing = DemoProduct(lumen, "legacy-speaker", "Legacy Speaker", "toplevel")
    failing.reviews = make_reviews(rng, lumen, failing.name, failing.slug, 3, anchor)

    if n_reviews is not None:
        normal_total = max(0, n_reviews - len(clearance.reviews))
        per_brand = [normal_total // len(BRANDS) + (i < normal_total % len(BRANDS)) for i in range(len(BRANDS))]
    else:
        per_product = 12 if reviews_per_product is None else reviews_per_product
        per_brand = [per_product * len(spec.products) for spec in BRANDS]

    products: list[DemoProduct] = []
    for spec, total in zip(BRANDS, per_brand):
        if n_reviews is not None:
            n_products = max(len(spec.products), math.ceil(total / 50))
            counts = [total // n_products + (i < total % n_products) for i in range(n_products)]
        else:
            counts = [total // len(spec.products)] * len(spec.products)
        for i, (name, count) in enumerate(zip(product_names(spec, len(counts)), counts)):
            markup = "rdfa" if spec.markup == "toplevel" and i == 0 else spec.markup
            product = DemoProduct(spec, slugify(name), name, markup)
            product.reviews = make_reviews(rng, spec, name, product.slug, count, anchor)
            products.append(product)
    return SiteContent(products, clearance, lost, private, failing)
