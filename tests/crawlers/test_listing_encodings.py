"""Review listings read an HTML page in the encoding it declares, as ``schemaorg`` does.

Trustpilot and Yelp pages once reached their parsers as bytes decoded as UTF-8,
so a windows-1252 page lost every accented letter; JSON answers still go as
bytes (UTF-8 by spec).
"""

from __future__ import annotations

import json

from scrapy.http import HtmlResponse, TextResponse

from crawlers.spiders.trustpilot import TrustpilotSpider
from crawlers.spiders.yelp import YelpSpider

FRENCH = "Café crème, très bien – naïve résumé"
URL = "https://www.trustpilot.com/review/acme.example"


def _jsonld_page(meta: str, text: str) -> str:
    node = {"@context": "https://schema.org", "@type": "LocalBusiness", "name": "Acme",
            "review": [{"@type": "Review", "@id": f"{URL}/r1", "author": {"@type": "Person", "name": "Zoé"},
                        "reviewBody": text, "datePublished": "2024-03-05", "inLanguage": "fr",
                        "reviewRating": {"@type": "Rating", "ratingValue": "4"}}]}
    return (f"<!DOCTYPE html><html><head>{meta}<title>Acme</title>"
            f'<script type="application/ld+json">{json.dumps(node, ensure_ascii=False)}</script>'
            "</head><body></body></html>")


def test_a_windows_1252_trustpilot_page_keeps_its_letters() -> None:
    body = _jsonld_page("", FRENCH).encode("cp1252")
    response = HtmlResponse(URL, body=body, headers={"Content-Type": "text/html; charset=windows-1252"})
    (row,) = TrustpilotSpider().parse_listing(response).reviews
    assert (row["text"], row["author"]) == (FRENCH, "Zoé")


def test_a_yelp_page_named_windows_1252_only_in_its_meta() -> None:
    body = _jsonld_page('<meta charset="windows-1252">', FRENCH).encode("cp1252")
    response = HtmlResponse("https://www.yelp.com/biz/acme", body=body, headers={"Content-Type": "text/html"})
    (row,) = YelpSpider().parse_listing(response).reviews
    assert row["text"] == FRENCH


def test_json_answers_stay_bytes() -> None:
    from crawlers.spiders._listing import listing_body

    body = '{"a": "é"}'.encode()
    response = TextResponse("https://example.com/x.json", body=body, headers={"Content-Type": "application/json"})
    assert listing_body(response) == body
    html = HtmlResponse("https://example.com/", body="<p>é</p>".encode(), headers={"Content-Type": "text/html"})
    assert listing_body(html) == "<p>é</p>"


def test_a_feed_served_as_html_keeps_its_letters() -> None:
    from scrapy import Request

    from crawlers.spiders.feed import FeedSpider

    feed = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Blog</title>'
            "<item><guid>p1</guid><title>Café</title><description>Très bien, merci</description></item></channel></rss>")
    url = "https://blog.example/feed"
    response = HtmlResponse(url, body=feed.encode("latin-1"), headers={"Content-Type": "text/html"}, request=Request(url))
    (row,) = FeedSpider(urls=url).parse_listing(response).reviews
    assert (row["title"], row["text"]) == ("Café", "Très bien, merci")
