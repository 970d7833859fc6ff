"""The demo review site's content: brands, products and reviews (:mod:`umot.demo.pages` renders them).

Everything is generated from a seed, so a given ``(seed, size, anchor date)``
always gives the same site. Brands use different markup on purpose (JSON-LD
Product with nested reviews, JSON-LD ``@graph`` with references, microdata,
RDFa, top-level Reviews naming their ``itemReviewed``), ratings come on 5 and
10 scales, and a few pages are broken the way real ones are (malformed
JSON-LD, a 500, a page robots.txt forbids).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from umot.demo import texts
from umot.demo.replies import add_replies

PAGE_SIZE = 10


@dataclass(frozen=True)
class BrandSpec:
    name: str
    slug: str
    category: str
    products: tuple[str, ...]
    markup: str  # product | microdata | graph | toplevel
    scale: int  # best rating as published


BRANDS: tuple[BrandSpec, ...] = (
    BrandSpec("Acme Kitchen", "acme-kitchen", "kitchen",
              ("Brewmaster Kettle", "Crisp Toaster", "Vortex Blender"), "product", 5),
    BrandSpec("Northwind Outdoor", "northwind-outdoor", "outdoor",
              ("Summit Tent 2P", "Ridge Hiking Boot", "Trailpack 40L"), "microdata", 5),
    BrandSpec("Bellhaven Hotels", "bellhaven-hotels", "hotel",
              ("Bellhaven Harbour", "Bellhaven Old Town", "Bellhaven Lakeside"), "graph", 10),
    BrandSpec("Lumen Audio", "lumen-audio", "audio",
              ("Aurora Headphones", "Pulse Speaker", "Echo Earbuds"), "toplevel", 5),
)
_CATEGORY_TEXTS = {
    "kitchen": texts.KITCHEN, "outdoor": texts.OUTDOOR, "hotel": texts.HOTEL, "audio": texts.AUDIO,
}


@dataclass
class DemoReview:
    """One generated review, with what a correct crawler should read from it."""

    external_id: str
    author: str
    rating_raw: float  # as published (0 = unrated)
    rating_scale: int
    title: str
    text: str
    language: str
    published: datetime
    reply: str | None = None  # the brand's public reply (umot.demo.replies)
    reply_author: str | None = None
    replied: datetime | None = None

    @property
    def rating(self) -> float | None:
        """The expected 1-5 rating (None for unrated)."""
        if not self.rating_raw:
            return None
        return round(1 + (self.rating_raw - 1) * 4 / (self.rating_scale - 1), 2)


@dataclass
class DemoProduct:
    brand: BrandSpec
    slug: str
    name: str
    markup: str
    reviews: list[DemoReview] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/brands/{self.brand.slug}/{self.slug}/"

    def page_path(self, page: int) -> str:
        return self.path if page == 1 else f"{self.path}page/{page}/"

    @property
    def n_pages(self) -> int:
        return max(1, math.ceil(len(self.reviews) / PAGE_SIZE))


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def _product_names(spec: BrandSpec, count: int) -> list[str]:
    names = list(spec.products[:count])
    words = texts.PRODUCT_WORDS
    i = 0
    while len(names) < count:
        base = spec.products[i % len(spec.products)]
        word = words[(i // len(spec.products)) % len(words)]
        generation = i // (len(spec.products) * len(words))
        names.append(f"{base} {word}" + (f" {generation + 2}" if generation else ""))
        i += 1
    return names


def _make_reviews(
    rng: random.Random, spec: BrandSpec, product: str, product_slug: str, count: int, anchor: date,
    *, prefix: str = "",
) -> list[DemoReview]:
    pool = _CATEGORY_TEXTS[spec.category] + texts.GENERIC
    when = datetime.combine(anchor, time(18, 0), tzinfo=UTC)
    reviews = []
    for n in range(count):
        stars, title, text, language = rng.choice(pool)
        when -= timedelta(hours=rng.randint(3, 60), minutes=rng.randint(0, 59))
        if spec.scale == 10:
            raw: float = stars * 2 - rng.choice((0, 0, 1))
        elif spec.markup == "microdata" and stars < 5 and rng.random() < 0.2:
            raw = stars + 0.5
        else:
            raw = stars
        if spec.markup == "toplevel" and rng.random() < 0.06:
            raw = 0  # published as 0: "not rated"
        reviews.append(DemoReview(
            external_id=f"urn:umot-demo:{spec.slug}:{product_slug}:{prefix}{n + 1}",
            author=rng.choice(texts.AUTHORS),
            rating_raw=raw,
            rating_scale=spec.scale,
            title=title,
            text=text.format(product=product),
            language=language,
            published=when,
        ))
    return add_replies(reviews, spec.name, spec.slug, product, datetime.combine(anchor, time(18, 0), tzinfo=UTC))


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


def build_content(
    *, reviews_per_product: int | None = None, n_reviews: int | None = None, seed: int = 0,
    anchor: date | None = None,
) -> SiteContent:
    """Generate the site. ``n_reviews``: how many reviews a full crawl finds in total."""
    rng = random.Random(seed)
    anchor = anchor or datetime.now(UTC).date()
    acme = BRANDS[0]
    clearance = DemoProduct(acme, "clearance-bundle", "Clearance Bundle", "malformed")
    clearance.reviews = _make_reviews(rng, acme, clearance.name, clearance.slug, 4, anchor)
    lost = _make_reviews(rng, acme, clearance.name, clearance.slug, 2, anchor, prefix="lost-")
    private = DemoProduct(acme, "staff-picks", "Staff Picks", "product")
    private.reviews = _make_reviews(rng, acme, private.name, private.slug, 3, anchor, prefix="private-")
    lumen = BRANDS[3]
    failing = DemoProduct(lumen, "legacy-speaker", "Legacy Speaker", "toplevel")
    failing.reviews = _make_reviews(rng, lumen, failing.name, failing.slug, 3, anchor)

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
        for i, (name, count) in enumerate(zip(_product_names(spec, len(counts)), counts)):
            markup = "rdfa" if spec.markup == "toplevel" and i == 0 else spec.markup
            product = DemoProduct(spec, _slug(name), name, markup)
            product.reviews = _make_reviews(rng, spec, name, product.slug, count, anchor)
            products.append(product)
    return SiteContent(products, clearance, lost, private, failing)
