"""The demo review site: deterministic, labelled, and exactly as big as asked."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import date

import pytest

from crawlers.extract.schemaorg import extract_page
from umot.demo import start_demo_site
from umot.demo.layout import BANNER
from umot.demo.pages import build_pages
from umot.demo.site import build_content

ANCHOR = date(2025, 6, 30)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_same_seed_same_site_other_seed_other_site() -> None:
    one = build_pages(build_content(seed=3, anchor=ANCHOR))
    assert one == build_pages(build_content(seed=3, anchor=ANCHOR))
    assert one != build_pages(build_content(seed=4, anchor=ANCHOR))


@pytest.mark.parametrize("n_reviews", [1000, 5000])
def test_n_reviews_is_what_the_markup_holds(n_reviews: int) -> None:
    content = build_content(n_reviews=n_reviews, seed=1, anchor=ANCHOR)
    expected = sum(len(p.reviews) for p in content.products) + len(content.clearance.reviews)
    assert expected == n_reviews
    ids = [r.external_id for p in content.products for r in p.reviews]
    assert len(ids) == len(set(ids))
    if n_reviews == 1000:  # reading every page back is the real check; once is enough
        pages = build_pages(content)
        found = sum(
            len(extract_page(html, "http://demo.test" + path).reviews)
            for path, (status, html) in pages.items()
            if status == 200 and not path.startswith("/private/") and "/internal/" not in path
        )
        assert found == n_reviews


def test_served_site_is_labelled_and_has_its_broken_parts() -> None:
    with start_demo_site(reviews_per_product=4, seed=0, anchor=ANCHOR) as site:
        assert [b.name for b in site.brands] == ["Acme Kitchen", "Northwind Outdoor", "Bellhaven Hotels", "Lumen Audio"]
        assert site.brand("Acme Kitchen").n_reviews == 3 * 4 + 4  # + the readable part of the malformed page
        status, index = fetch(site.base_url + "/")
        assert status == 200 and BANNER in index
        for brand in site.brands:
            assert brand.url in index.replace('href="/', f'href="{site.base_url}/')
        status, robots = fetch(site.base_url + "/robots.txt")
        assert status == 200 and "Disallow: /private/" in robots
        status, page = fetch(site.base_url + "/brands/lumen-audio/legacy-speaker/")
        assert status == 500 and BANNER in page
        assert fetch(site.base_url + "/nope")[0] == 404
        product = site.content.products[0]
        status, page = fetch(site.base_url + product.path)
        assert status == 200 and BANNER in page and 'type="application/ld+json"' in page
        assert site.requested_paths[:1] == ["/"]
        base = site.base_url
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/", timeout=2)


def test_texts_are_varied() -> None:
    content = build_content(reviews_per_product=30, seed=0, anchor=ANCHOR)
    reviews = [r for p in content.products for r in p.reviews]
    assert {r.language for r in reviews} >= {"en", "de", "fr", "es"}
    assert {round(r.rating_raw) for r in reviews if r.rating_scale == 5} >= {1, 2, 3, 4, 5}
    assert any(r.rating_scale == 10 for r in reviews) and any(r.rating_raw == 0 for r in reviews)
    joined = " ".join(r.text for r in reviews)
    assert "stay away" in joined and "recommend it to anyone" in joined
    assert any(ord(ch) > 0x2600 for ch in joined)  # emoji
    assert all(r.published.date() <= ANCHOR for r in reviews)


def test_the_site_listens_with_a_web_servers_backlog() -> None:
    # socketserver's default backlog (5) drops connections when several brands are
    # crawled at once, each drop costing a ~1 s TCP retransmission in crawls and benches
    with start_demo_site(n_reviews=200, seed=1) as site:
        assert site._server.request_queue_size >= 128
        assert fetch(site.brands[0].url)[0] == 200
