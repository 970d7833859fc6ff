"""The demo site's four invented brands, each published in a different markup on purpose.

A crawler must read them all: JSON-LD Product with nested reviews, microdata,
a JSON-LD ``@graph`` with references, and top-level Reviews naming their
``itemReviewed`` (one product of that brand in RDFa); ratings on 5 and 10 scales.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BrandSpec:
    """One brand: its category picks the review texts, ``markup`` and ``scale`` how they are published."""

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
