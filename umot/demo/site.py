"""The demo review site's content: brands, products, reviews and the pages that show them.

Everything is generated from a seed, so a given ``(seed, size, anchor date)``
always gives the same site. Brands use different markup on purpose (JSON-LD
Product with nested reviews, JSON-LD ``@graph`` with references, microdata,
RDFa, top-level Reviews naming their ``itemReviewed``), ratings come on 5 and
10 scales, and a few pages are broken the way real ones are (malformed
JSON-LD, a 500, a page robots.txt forbids).
"""

from __future__ import annotations

import html
import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from umot.demo import texts
from umot.demo.replies import add_replies

PAGE_SIZE = 10
BANNER = "Sample data for the umot demo"
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nDisallow: /brands/acme-kitchen/internal/\n"


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


# --- HTML ------------------------------------------------------------------------
def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _jsonld(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _page(title: str, body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>\n'
        f"{head}\n</head><body>\n"
        f'<p class="banner" style="background:#fde68a;padding:.5em;font-weight:bold">{BANNER}</p>\n'
        f"{body}\n"
        f'<footer><p>{BANNER}: invented brands, products and reviews.</p></footer>\n</body></html>\n'
    )


def _date_text(review: DemoReview, style: int) -> str:
    if style == 1:
        return review.published.strftime("%B %d, %Y")  # "March 05, 2024": dateparser territory
    if style == 2:
        return review.published.isoformat()
    return review.published.date().isoformat()


def _rating_json(review: DemoReview, *, with_best: bool = True) -> dict:
    rating: dict = {"@type": "Rating", "ratingValue": review.rating_raw}
    if with_best:
        rating["bestRating"] = review.rating_scale
        rating["worstRating"] = 1
    return rating


def _review_json(review: DemoReview, index: int, *, declare_language: bool = False) -> dict:
    data: dict = {
        "@type": "Review",
        "@id": review.external_id,
        "author": {"@type": "Person", "name": review.author},
        "datePublished": _date_text(review, index % 3),
        "name": review.title,
        "reviewBody": review.text,
        # ratings given as strings on every other review, as many sites do
        "reviewRating": _rating_json(review),
    }
    if index % 2:
        data["reviewRating"]["ratingValue"] = str(review.rating_raw)
    if declare_language:
        data["inLanguage"] = review.language
    if review.reply:
        data["comment"] = {"@type": "Comment", "text": review.reply, "dateCreated": review.replied.isoformat(),
                           "author": {"@type": "Organization", "name": review.reply_author}}
    return data


def _visible_review(review: DemoReview) -> str:
    stars = "unrated" if not review.rating_raw else f"{review.rating_raw:g}/{review.rating_scale}"
    return (
        f'<article class="review"><h3>{_e(review.title)}</h3>'
        f"<p class=\"meta\">{_e(review.author)} · {review.published.date().isoformat()} · {stars}</p>"
        f"<p>{_e(review.text)}</p>"
        + (f'<p class="reply">Reply from {_e(review.reply_author)}: {_e(review.reply)}</p>' if review.reply else "")
        + "</article>"
    )


def _microdata_review(review: DemoReview) -> str:
    value = f"{review.rating_raw:g}".replace(".", ",")  # "3,5": a decimal comma
    return (
        f'<article class="review" itemprop="review" itemscope itemtype="https://schema.org/Review" '
        f'itemid="{_e(review.external_id)}">'
        f'<h3 itemprop="name">{_e(review.title)}</h3>'
        f'<p class="meta"><span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{_e(review.author)}</span></span> · '
        f'<time itemprop="datePublished" datetime="{review.published.date().isoformat()}">'
        f"{review.published.date().isoformat()}</time> · "
        f'<span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
        f'<meta itemprop="worstRating" content="1"><span itemprop="ratingValue">{value}</span>/'
        f'<span itemprop="bestRating">{review.rating_scale}</span></span></p>'
        f'<p itemprop="reviewBody">{_e(review.text)}</p></article>'
    )


def _rdfa_review(review: DemoReview) -> str:
    return (
        f'<article class="review" property="review" typeof="Review" resource="{_e(review.external_id)}">'
        f'<h3 property="name">{_e(review.title)}</h3>'
        f'<p class="meta"><span property="author" typeof="Person"><span property="name">{_e(review.author)}'
        f'</span></span> · <time property="datePublished" datetime="{review.published.date().isoformat()}">'
        f"{review.published.date().isoformat()}</time> · "
        f'<span property="reviewRating" typeof="Rating"><span property="ratingValue">{review.rating_raw:g}'
        f'</span>/<span property="bestRating">{review.rating_scale}</span></span></p>'
        f'<p property="reviewBody">{_e(review.text)}</p></article>'
    )


def _aggregate(reviews: list[DemoReview], scale: int) -> dict:
    rated = [r.rating_raw for r in reviews if r.rating_raw]
    value = round(sum(rated) / len(rated), 1) if rated else 0
    return {"@type": "AggregateRating", "ratingValue": value, "bestRating": scale,
            "reviewCount": len(reviews)}


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
    visible = "\n".join(_visible_review(r) for r in chunk)

    if product.markup == "microdata":
        body = (
            f'<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">{_e(product.name)}</h1>'
            f"<p>by {_e(spec.name)} · page {page} of {product.n_pages}</p>"
            + "\n".join(_microdata_review(r) for r in chunk) + "</div>" + nav_html
        )
        return _page(title, body, "\n".join(head))
    if product.markup == "rdfa":
        body = (
            f'<div vocab="https://schema.org/" typeof="Product" resource="urn:umot-demo:product:{product.slug}">'
            f'<h1 property="name">{_e(product.name)}</h1><p>by {_e(spec.name)} · page {page} of '
            f"{product.n_pages}</p>" + "\n".join(_rdfa_review(r) for r in chunk) + "</div>" + nav_html
        )
        return _page(title, body, "\n".join(head))
    if product.markup == "product":
        data = {
            "@context": "https://schema.org", "@type": "Product", "name": product.name,
            "brand": {"@type": "Brand", "name": spec.name},
            "aggregateRating": _aggregate(product.reviews, spec.scale),
            "review": [_review_json(r, i) for i, r in enumerate(chunk)],
        }
        head.append(_jsonld(data))
    elif product.markup == "graph":
        hotel_id = f"urn:umot-demo:hotel:{product.slug}"
        graph: list[dict] = [{
            "@type": "Hotel", "@id": hotel_id, "name": product.name,
            "aggregateRating": _aggregate(product.reviews, spec.scale),
            "review": [{"@id": r.external_id} for r in chunk],
        }]
        graph += [_review_json(r, i, declare_language=True) for i, r in enumerate(chunk)]
        head.append(_jsonld({"@context": "https://schema.org", "@graph": graph}))
    elif product.markup == "toplevel":
        items = []
        for i, r in enumerate(chunk):
            data = _review_json(r, i)
            data["@context"] = "https://schema.org"
            data["itemReviewed"] = {"@type": "Product", "name": product.name}
            if not r.rating_raw:
                data["reviewRating"] = {"@type": "Rating", "ratingValue": "0"}
            items.append(data)
        head.append(_jsonld(items))
    return _page(title, heading + "\n" + visible + "\n" + nav_html, "\n".join(head))


def malformed_page(product: DemoProduct, lost: list[DemoReview]) -> str:
    """Three JSON-LD blocks broken the way real pages are; only the last cannot be repaired."""
    good = {"@context": "https://schema.org", "@type": "Product", "name": product.name,
            "review": [_review_json(r, i) for i, r in enumerate(product.reviews[:2])]}
    cdata = "//<![CDATA[\n" + json.dumps(good, ensure_ascii=False) + ";\n//]]>"
    escaped = [
        {"@context": "https://schema.org", **_review_json(r, i),
         "itemReviewed": {"@type": "Product", "name": product.name}}
        for i, r in enumerate(product.reviews[2:])
    ]
    quoted = "<!-- " + html.escape(json.dumps(escaped, ensure_ascii=False), quote=True) + " -->"
    broken = json.dumps([_review_json(r, i) for i, r in enumerate(lost)], ensure_ascii=False)[:-40]
    head = "\n".join(
        f'<script type="application/ld+json">\n{block}\n</script>' for block in (cdata, quoted, broken)
    )
    body = (f"<h1>{_e(product.name)}</h1><p>Last few items, reviews below.</p>"
            + "\n".join(_visible_review(r) for r in product.reviews + lost))
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
