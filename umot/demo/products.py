"""The demo site's products: their names, paths and how their reviews are paged.

The ``n_reviews`` form of the site needs more products than a brand lists, so
:func:`product_names` makes up further ones from the brand's own names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from umot.demo import texts
from umot.demo.brands import BrandSpec
from umot.demo.reviews import DemoReview

PAGE_SIZE = 10  # reviews per product page


@dataclass
class DemoProduct:
    """A product page (paged by ``PAGE_SIZE``); ``markup`` is its brand's unless the page differs on purpose."""

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


def slugify(name: str) -> str:
    """``name`` as a URL path segment: lower case, runs of other characters as one ``-``."""
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def product_names(spec: BrandSpec, count: int) -> list[str]:
    """``count`` product names for the brand: its own, then variants of them.

    Variants add a word ("Brewmaster Kettle Classic"), then a number from 3 once the words run out ("... Classic 3").
    """
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
