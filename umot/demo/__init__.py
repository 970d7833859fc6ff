"""A local demo review site, generated on the fly, for ``make demo``, benchmarks and tests.

>>> from umot.demo import start_demo_site
>>> with start_demo_site(n_reviews=1000) as site:     # doctest: +SKIP
...     run_crawl("schemaorg", [site.brands[0].url], brand=site.brands[0].name, ...)

Four invented brands, each marked up differently (JSON-LD Product with nested
reviews, JSON-LD ``@graph``, microdata, RDFa, top-level Reviews), paginated with
``rel=next``, plus a malformed page, a 500 page and a robots.txt-forbidden page.
Every page says "Sample data for the umot demo". Same seed -> same site.
"""

from __future__ import annotations

from datetime import date

from umot.demo.running_site import DemoBrand, DemoSite


def start_demo_site(
    *,
    reviews_per_product: int | None = None,
    n_reviews: int | None = None,
    seed: int = 0,
    anchor: date | None = None,
) -> DemoSite:
    """Generate and serve the demo site on 127.0.0.1 (a free port); stop it with ``.stop()``.

    ``n_reviews``: total reviews a crawl of the whole site finds (products are
    added as needed, ~50 reviews each); else ``reviews_per_product`` (default 12)
    on each brand's three products. ``anchor``: date of the newest review
    (default today, UTC), older ones spread back from it.
    """
    from umot.demo.brands import BRANDS
    from umot.demo.server import serve
    from umot.demo.site import build_content

    content = build_content(
        reviews_per_product=reviews_per_product, n_reviews=n_reviews, seed=seed, anchor=anchor
    )
    return serve(content, BRANDS)


__all__ = ["DemoBrand", "DemoSite", "start_demo_site"]
