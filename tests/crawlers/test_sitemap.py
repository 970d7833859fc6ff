"""Sitemap spider: sitemaps (index, gzip, robots.txt) lead to product pages read as schema.org."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "sitemap"


@pytest.fixture(scope="module")
def site(serve_site):
    holder: dict = {}

    def templated(name: str, *, gz: bool = False):
        def answer(hit):
            body = (FIXTURES / name).read_text(encoding="utf-8").replace("{{BASE}}", holder["site"].base_url).encode()
            return (200, "application/octet-stream", gzip.compress(body)) if gz else (200, "application/xml", body)

        return answer

    routes = {
        "/sitemap_index.xml": templated("sitemap_index.xml"),
        "/sitemap_products.xml.gz": templated("sitemap_products.xml", gz=True),
        "/sitemap_pages.xml": templated("sitemap_pages.xml"),
        "/sitemap_broken.xml": "sitemap_broken.xml",
        "/products/kettle": "products/kettle.html",
        "/products/kettle?page=2": "products/kettle-2.html",
        "/products/grinder": "products/grinder.html",
        "/private/products/prototype": "products/grinder.html",
        "/about": "about.html",
        "/blog/spring-sale": "about.html",
    }
    site = serve_site(FIXTURES, routes, throttle_once={"/products/kettle?page=2"})
    holder["site"] = site
    site.robots = f"User-agent: *\nDisallow: /private/\n\nSitemap: {site.base_url}/sitemap_index.xml\n"
    return site


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    return run_crawl("sitemap", [site.url("/robots.txt")], brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_sitemap_leads_to_product_pages_and_their_next_pages(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    rows = stored_reviews(crawl_db, "Acme")
    assert sorted(r.author for r in rows) == ["Hannah B.", "Kai", "Omar", "Søren Ødegård"]
    assert {r.source for r in rows} == {"schemaorg:127.0.0.1"}  # same identity as the schemaorg spider
    assert len(site.hits_for("/products/kettle?page=2")) == 2  # 429, then the page
    by_author = {r.author: r for r in rows}
    assert by_author["Søren Ødegård"].language == "da"
    assert by_author["Kai"].rating_raw == 8 and by_author["Kai"].rating_scale == 10


@pytest.mark.slow
def test_only_matching_allowed_pages_are_opened_and_bad_sitemaps_counted(first_crawl, site) -> None:
    assert site.hits_for("/sitemap_products.xml.gz") and site.hits_for("/sitemap_pages.xml")
    assert not site.hits_for("/about") and not site.hits_for("/blog/spring-sale")  # not product pages
    assert not site.hits_for("/private/products/prototype")  # robots.txt
    assert first_crawl.errors == 1  # the HTML "sitemap"


@pytest.mark.slow
def test_since_skips_unchanged_entries_and_known_pages_stop(first_crawl, site, crawl_db, local_settings) -> None:
    grinder, page2 = len(site.hits_for("/products/grinder")), len(site.hits_for("/products/kettle?page=2"))
    again = run_crawl(
        "sitemap", [site.url("/sitemap_index.xml")], brand="Acme", database_url=crawl_db, settings=local_settings,
        since=datetime(2024, 2, 1, tzinfo=UTC),
    )
    assert again.ok and again.items_new == 0
    assert len(site.hits_for("/products/grinder")) == grinder  # lastmod 2023: not opened
    assert len(site.hits_for("/products/kettle?page=2")) == page2  # page 1 all known: stop


def test_default_pattern_matches_product_paths() -> None:
    import re

    from crawlers.spiders.sitemap import DEFAULT_PATTERN

    matches = [u for u in ("https://s.example/products/kettle", "https://s.example/p/123", "https://s.example/reviews",
                           "https://s.example/about", "https://s.example/blog/post") if re.search(DEFAULT_PATTERN, u)]
    assert matches == ["https://s.example/products/kettle", "https://s.example/p/123", "https://s.example/reviews"]
