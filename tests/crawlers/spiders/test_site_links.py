"""crawlers.spiders.site_links: the links the schemaorg spider follows, and the site and folder that scope them."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from crawlers.spiders.site_links import folder_of, hub_links, next_page_urls, site_of

URL = "https://www.shop.example/brands/acme/"


def page(body: str, url: str = URL) -> HtmlResponse:
    return HtmlResponse(url, body=body.encode(), encoding="utf-8")


def test_site_of_drops_www_and_the_port() -> None:
    assert site_of("https://www.Shop.example:8080/x") == "shop.example"
    assert site_of("http://shop.example/") == "shop.example"


def test_folder_of_is_the_path_up_to_its_last_slash() -> None:
    assert folder_of("https://shop.example/brands/acme/") == "/brands/acme/"
    assert folder_of("https://shop.example/brands/acme/index.html") == "/brands/acme/"
    assert folder_of("https://shop.example/brands/acme?page=2") == "/brands/"
    assert folder_of("https://shop.example") == "/"


def test_hub_links_are_http_in_scope_and_once_each_in_page_order() -> None:
    body = (
        '<a href="kettle#reviews">k</a><a href="mailto:shop@example.com">m</a>'
        '<a href="https://other.example/x">o</a><a href=" grinder ">g</a><a href="kettle">k again</a>'
    )
    links = hub_links(page(body), lambda url: site_of(url) == "shop.example")
    assert links == ["https://www.shop.example/brands/acme/kettle", "https://www.shop.example/brands/acme/grinder"]


def test_next_page_is_rel_next_first_else_a_next_link() -> None:
    rel = '<link rel="next" href="?page=2"><a href="?page=9">Next ›</a>'
    assert next_page_urls(page(rel)) == [URL + "?page=2"]
    labelled = '<a href="?page=2#top">Next ›</a><a class="pager-next" href="?page=2">2</a><a href="./">Next</a>'
    assert next_page_urls(page(labelled)) == [URL + "?page=2"]  # once, and never the page itself
    assert next_page_urls(page('<a href="?page=2">Read more</a>')) == []
