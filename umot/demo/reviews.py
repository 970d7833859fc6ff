"""The demo site's reviews: what one is, and how a product's reviews are drawn from the seeded stream.

Each review keeps its rating as published (on the brand's scale, 0 for unrated)
next to the 1-5 rating a correct crawler should read from it, so tests can check
the crawl against the site. Review texts come from :mod:`umot.demo.texts`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from umot.demo import texts
from umot.demo.brands import BrandSpec
from umot.demo.replies import add_replies

CATEGORY_TEXTS = {
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


def make_reviews(
    rng: random.Random, spec: BrandSpec, product: str, product_slug: str, count: int, anchor: date,
    *, prefix: str = "",
) -> list[DemoReview]:
    """``count`` reviews of ``product``, newest first, going back from 18:00 UTC on ``anchor``.

    Ratings vary the way the brand's markup does (half stars in microdata, a few
    unrated top-level Reviews); ``prefix`` keeps ids apart for a product's special reviews.
    """
    pool = CATEGORY_TEXTS[spec.category] + texts.GENERIC
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
