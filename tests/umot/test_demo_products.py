"""The demo site's product naming, paging links and private paths."""

from __future__ import annotations

from datetime import date
from urllib.robotparser import RobotFileParser

from umot.demo.brands import BRANDS
from umot.demo.pages import ROBOTS_TXT
from umot.demo.product_pages import page_links
from umot.demo.products import DemoProduct, product_names, slugify
from umot.demo.site import build_content


def test_product_names_add_words_then_numbers() -> None:
    acme = BRANDS[0]
    assert product_names(acme, 2) == ["Brewmaster Kettle", "Crisp Toaster"]
    names = product_names(acme, 3 + 3 * 12 + 1)
    assert names[3:5] == ["Brewmaster Kettle Classic", "Crisp Toaster Classic"]
    assert names[-1] == "Brewmaster Kettle Classic 3"  # numbering starts at 3
    assert len(set(map(slugify, names))) == len(names)


def test_slugify() -> None:
    assert slugify("Summit Tent 2P") == "summit-tent-2p"
    assert slugify("  Bellhaven Old-Town!  ") == "bellhaven-old-town"


def test_page_links_point_both_ways_only_where_there_is_a_page() -> None:
    product = DemoProduct(BRANDS[0], "kettle", "Kettle", "product")
    assert page_links(product, 1) == ([], '<nav class="pagination"></nav>')
    product.reviews = [None] * 25  # type: ignore[list-item]  # only counted
    head, nav = page_links(product, 2)
    assert head == ['<link rel="prev" href="/brands/acme-kitchen/kettle/">',
                    '<link rel="next" href="/brands/acme-kitchen/kettle/page/3/">']
    assert 'rel="prev"' in nav and 'rel="next"' in nav
    assert page_links(product, 3)[0] == ['<link rel="prev" href="/brands/acme-kitchen/kettle/page/2/">']


def test_the_private_product_is_only_linked_where_robots_txt_forbids() -> None:
    content = build_content(reviews_per_product=1, seed=0, anchor=date(2025, 6, 30))
    robots = RobotFileParser()
    robots.parse(ROBOTS_TXT.splitlines())
    assert content.private_path != content.internal_path
    for path in (content.private_path, content.internal_path):
        assert not robots.can_fetch("umot", "http://demo.test" + path)
    assert robots.can_fetch("umot", "http://demo.test" + content.products[0].path)
