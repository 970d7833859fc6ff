"""Yelp's ``localizedDate`` is read in the page's locale, never in the reviewer's language.

Before, ``comment.language`` ordered day and month: a Spanish review's ``3/7/2024``
on yelp.com (7 March, listed after 3/9/2024 newest first) was stored as 3 July.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawlers.parsers import yelp
from crawlers.parsers.yelp_reviews import feed_rows, json_ld_rows, page_locale
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "yelp"
PAGE1 = "/biz/acme-coffee-san-francisco?sort_by=date_desc"


def _day(row: dict[str, Any], field: str = "published_at") -> str:
    return row[field].date().isoformat()


@pytest.mark.parametrize("host", ["https://www.yelp.com", "http://127.0.0.1:8765"])
def test_a_spanish_review_on_yelp_com_is_dated_month_first(host: str) -> None:
    rows = {r["external_id"]: r for r in yelp.parse((FIXTURES / "page1.html").read_bytes(), host + PAGE1).reviews}
    assert _day(rows["rv-001"]) == "2024-03-09"
    assert _day(rows["rv-002"]) == "2024-03-07"  # not 2024-07-03
    assert rows["rv-002"]["language"] == "es"  # still the review's own language


def _feed(language: str) -> dict[str, Any]:
    reply = {"comment": {"text": "Merci !"}, "businessOwner": {"markupDisplayName": "Acme"},
             "localizedDate": "4/7/2024"}
    return {"reviews": [{"id": "rv-9", "rating": 4, "comment": {"text": "Good coffee.", "language": language},
                         "localizedDate": "3/7/2024", "businessOwnerReplies": [reply]}]}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_country_site_dates_every_review_its_own_way(language: str) -> None:
    (row,) = feed_rows(_feed(language), "https://www.yelp.fr/biz/acme-paris")
    assert _day(row) == "2024-07-03" and _day(row, "replied_at") == "2024-07-04"
    assert row["language"] == language
    (us,) = feed_rows(_feed(language), "https://www.yelp.com/biz/acme-sf")
    assert _day(us) == "2024-03-07" and _day(us, "replied_at") == "2024-04-07"


def test_the_page_says_its_locale_first() -> None:
    assert page_locale("https://www.yelp.com/biz/x", '<!DOCTYPE html>\n<html class="a" lang="de-DE">') == "de-DE"
    assert page_locale("https://www.yelp.com/biz/x?locale=fr_FR") == "fr_FR"
    assert page_locale("https://www.yelp.co.uk/biz/x") == "en-GB"
    assert page_locale("https://m.yelp.de/biz/x") == "de-DE"
    assert page_locale("http://127.0.0.1:8765/biz/x") == "en-US"  # yelp.com's, like any unknown host
    (row,) = feed_rows(_feed("en"), "https://www.yelp.com/biz/x", '<html lang="en-GB">')
    assert _day(row) == "2024-07-03"


def test_json_ld_dates_follow_the_page_too() -> None:
    review = {"@type": "Review", "author": "Ana", "reviewRating": {"ratingValue": 5},
              "description": "Muy bueno", "datePublished": "3/7/2024", "inLanguage": "es"}
    business = {"@context": "https://schema.org", "@type": "LocalBusiness", "name": "Acme", "review": [review]}
    html = f'<html lang="en-US"><script type="application/ld+json">{json.dumps(business)}</script></html>'
    (row,) = json_ld_rows(html, "https://www.yelp.com/biz/acme")
    assert _day(row) == "2024-03-07"


@pytest.mark.slow
def test_crawl_stores_the_page_date(serve_site, local_settings, tmp_path: Path) -> None:
    site = serve_site(FIXTURES, {PAGE1: "page1.html"})
    out = tmp_path / "y.jsonl"
    result = run_crawl("yelp", [site.url(PAGE1)], brand=None, output=out, settings=local_settings)
    assert result.ok, result.error_message
    rows = {r["external_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["rv-002"]["published_at"].startswith("2024-03-07")


def test_the_feed_follows_the_pages_html_lang() -> None:
    html = (FIXTURES / "page1.html").read_text().replace('lang="en-US"', 'lang="fr-FR"')
    rows = {r["external_id"]: r for r in yelp.parse(html, "https://www.yelp.com" + PAGE1).reviews}
    assert _day(rows["rv-002"]) == "2024-07-03"
