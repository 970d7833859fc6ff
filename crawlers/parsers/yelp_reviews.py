"""Yelp reviews as crawl rows: the items of the embedded review feed, or the JSON-LD reviews.

A feed item has ``id``, ``rating``, ``comment.text`` (HTML), ``comment.language``,
``user.markupDisplayName``, ``localizedDate`` and ``feedback.counts``;
``businessOwnerReplies[0]`` is the owner's reply (``comment.text``,
``businessOwner.markupDisplayName``, ``localizedDate``). The schema.org JSON-LD
``review`` list of the LocalBusiness has no review ids: the store hashes the content.
Its authors and text are read as the schema.org crawl reads them (an ``@id`` author is the
``Person`` it names, entities decoded, markup gone), so they say what the feed's do.

``localizedDate`` is written the page's way, not the reviewer's: ``3/7/2024`` is
7 March on yelp.com even under a review in Spanish, and 3 July on yelp.fr. So
dates are read in :func:`page_locale`, and ``comment.language`` is only the
review's language.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawlers.extract.node_text import name_of, text_of
from crawlers.parsers.common import make_review
from crawlers.parsers.json_data import dig
from crawlers.parsers.jsonld_reviews import json_ld_reviews
from crawlers.parsers.replies import reply_fields
from crawlers.parsers.urls import site_root
from crawlers.parsers.values import escaped_html_to_text, to_datetime

SOURCE = "yelp"

#: The locale each Yelp country site writes dates in; yelp.com, and any host not listed, is en-US.
SITE_LOCALES = {
    "yelp.co.uk": "en-GB", "yelp.ie": "en-IE", "yelp.com.au": "en-AU", "yelp.co.nz": "en-NZ",
    "yelp.com.sg": "en-SG", "yelp.com.ph": "en-PH", "yelp.ca": "en-CA", "yelp.fr": "fr-FR",
    "yelp.be": "fr-BE", "yelp.de": "de-DE", "yelp.at": "de-AT", "yelp.ch": "de-CH", "yelp.es": "es-ES",
    "yelp.com.mx": "es-MX", "yelp.com.ar": "es-AR", "yelp.cl": "es-CL", "yelp.it": "it-IT",
    "yelp.nl": "nl-NL", "yelp.dk": "da-DK", "yelp.se": "sv-SE", "yelp.no": "nb-NO", "yelp.fi": "fi-FI",
    "yelp.pl": "pl-PL", "yelp.pt": "pt-PT", "yelp.com.br": "pt-BR", "yelp.cz": "cs-CZ",
    "yelp.com.tr": "tr-TR", "yelp.co.jp": "ja-JP", "yelp.com.hk": "zh-HK", "yelp.com.tw": "zh-TW",
    "yelp.my": "ms-MY",
}
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.I)


def page_locale(url: str, html: str = "") -> str:
    """The locale a Yelp page writes its dates in: its ``<html lang>``, else the URL's
    ``locale`` parameter (``?locale=fr_FR``), else its country site's (:data:`SITE_LOCALES`)."""
    match = _HTML_LANG.search(html[:4000])
    if match:
        return match.group(1)
    parts = urlsplit(url)
    asked = parse_qs(parts.query).get("locale")
    if asked and asked[0].strip():
        return asked[0].strip()
    host = (parts.hostname or "").removeprefix("www.")
    return next((locale for site, locale in SITE_LOCALES.items() if host == site or host.endswith("." + site)), "en-US")


def feed_rows(feed: dict[str, Any], url: str, html: str = "") -> list[dict[str, Any]]:
    """The rows of a review feed read from ``url`` (the page: ``html``), linked to each review on the business page."""
    site = site_root(url)
    locale = page_locale(url, html)
    alias = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    reviews = []
    for item in feed["reviews"]:
        review_id = item.get("id") or item.get("encid")
        reviews.append(
            _owner_reply(item, locale) | make_review(
                source=SOURCE,
                external_id=review_id,
                url=f"{site}/biz/{alias}?hrid={review_id}" if review_id else url,
                author=dig(item, "user", "markupDisplayName") or dig(item, "user", "displayName"),
                rating=item.get("rating"),
                text=escaped_html_to_text(dig(item, "comment", "text")),
                published_at=item.get("localizedDate") or item.get("date"),
                date_locale=locale,
                language=dig(item, "comment", "language"),
                extra={
                    "business": alias,
                    "useful": dig(item, "feedback", "counts", "useful"),
                    "funny": dig(item, "feedback", "counts", "funny"),
                    "cool": dig(item, "feedback", "counts", "cool"),
                    "location": dig(item, "user", "displayLocation"),
                },
            )
        )
    return reviews


def _owner_reply(item: dict[str, Any], locale: str) -> dict[str, Any]:
    """The first of ``businessOwnerReplies`` (Yelp shows one; an update replaces it), dated in ``locale``."""
    replies = item.get("businessOwnerReplies")
    reply = replies[0] if isinstance(replies, list) and replies and isinstance(replies[0], dict) else {}
    owner = reply.get("businessOwner") or reply.get("owner") or {}
    at = reply.get("localizedDate") or dig(reply, "createdAt", "utcDateTime")
    return reply_fields(
        escaped_html_to_text(dig(reply, "comment", "text") or reply.get("text")),
        dig(owner, "markupDisplayName") or dig(owner, "displayName"),
        to_datetime(at, locale) or at,  # unreadable: passed on as written
    )


def json_ld_rows(html: str, url: str) -> list[dict[str, Any]]:
    """The rows of the page's schema.org JSON-LD reviews, all linked to the page itself, author and text
    read as the schema.org crawl reads them (:mod:`crawlers.extract.node_text`, as Trustpilot's fallback)."""
    locale = page_locale(url, html)
    nodes, graph = json_ld_reviews(html, url)
    reviews = []
    for node in nodes:
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=None,
                url=url,
                author=name_of(graph, node.get("author")),
                rating=dig(node, "reviewRating", "ratingValue"),
                text=text_of(node.get("description") or node.get("reviewBody")),
                published_at=node.get("datePublished"),
                date_locale=locale,
                language=node.get("inLanguage"),
            )
        )
    return reviews
