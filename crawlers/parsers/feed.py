"""RSS and Atom feeds (blogs, forums, news, Google Alerts) through feedparser.

Any RSS 0.9x/1.0/2.0 or Atom feed: each entry becomes one mention with its
``id``/``guid`` as the external id, unless other entries of the feed share it (a
forum giving every post the thread's URL: it names none of them); an entry
without one takes the content id the store gives id-less reviews, whatever the
rest of the feed holds (the feed spider keeps the link of one stored under it
before, or the content id of its text as umot read it before: ``crawlers.spiders.feed``,
from :attr:`FeedPage.earlier_texts`). Its title, its content or summary as plain
text (HTML read as HTML, ``type="text"`` kept as it is), its author's name and
its published (else updated) date, a bare day read as noon of it in
``UMOT_TIMEZONE`` (``crawlers.extract.dates``); the language comes from the
entry or the feed (``xml:lang``, ``<language>``).
Paged feeds (RFC 5005, ``<link rel="next">``) are followed. No rating: the
model scores them and the referral intent is set from the text.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawlers.extract.dates import parse_datetime
from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.values import clean, html_to_text, legacy_html_to_text


@dataclass
class FeedPage(ParsedPage):
    """A feed page, with the text of each guid-less entry that umot read otherwise before
    (:func:`legacy_html_to_text`), by its index in ``reviews``: it may be stored under that text's id."""

    earlier_texts: dict[int, str] = field(default_factory=dict)


def source_name(url: str) -> str:
    """``feed:<host>``: one source per feed site, so ids from two feeds never clash."""
    return f"feed:{urlsplit(url).hostname or 'local'}"


def parse(body: bytes | str, url: str) -> FeedPage:
    """Entries of one feed document and its next page (RFC 5005), if any."""
    import feedparser  # imported here: the spider process pays for it, not the CLI

    if isinstance(body, str):
        body = body.encode("utf-8")
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise ParseError("not an RSS or Atom document")
    source = source_name(url)
    feed_lang = parsed.feed.get("language")
    # a forum may give every post of a thread its URL as guid: an id several entries share is none
    ids = Counter(entry.get("id") for entry in parsed.entries)
    reviews: list[dict[str, Any]] = []
    earlier_texts: dict[int, str] = {}
    for entry in parsed.entries:
        content = entry.get("content") or []
        main = content[0] if content else entry.get("summary_detail")
        lang = (content[0].get("language") if content else None) or feed_lang
        link = entry.get("link")
        title = _text(entry.get("title_detail"))
        text = _text(main) or title
        external_id = entry.get("id") if ids[entry.get("id")] == 1 else None
        if external_id is None:
            earlier = _text(main, legacy_html_to_text) or _text(entry.get("title_detail"), legacy_html_to_text)
            if earlier and " ".join(earlier.split()) != " ".join((text or "").split()):
                earlier_texts[len(reviews)] = earlier
        reviews.append(
            make_review(
                source=source,
                external_id=external_id,
                url=urljoin(url, link) if link else url,
                author=(entry.get("author_detail") or {}).get("name") or entry.get("author"),
                title=title,
                text=text,
                published_at=_entry_date(entry),
                language=lang,
                extra={"feed": parsed.feed.get("title"), "tags": [t.get("term") for t in entry.get("tags", [])] or None},
            )
        )
    next_href = next((link.get("href") for link in parsed.feed.get("links", []) if link.get("rel") == "next"), None)
    next_url = urljoin(url, next_href) if next_href and reviews else None
    return FeedPage(reviews=reviews, next_url=next_url if next_url != url else None, earlier_texts=earlier_texts)


def _entry_date(entry: Any) -> datetime | None:
    """The entry's published (else updated) date: feedparser's UTC time, or for a bare day
    (``2024-03-04``, which feedparser puts at 00:00 UTC) noon of it in ``UMOT_TIMEZONE``."""
    key = "published" if entry.get("published_parsed") else "updated"
    value, raw = entry.get(f"{key}_parsed"), str(entry.get(key) or "")
    if not value:
        return None
    if ":" not in raw and tuple(value[3:6]) == (0, 0, 0):  # no time of day written
        return parse_datetime(date(*value[:3]))
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _text(detail: Any, read: Callable[[str | None], str | None] = html_to_text) -> str | None:
    """A feedparser text construct as plain text: HTML (and XHTML) as ``read`` reads it, ``text/plain``
    as it is (feedparser already decoded it: ``vector&lt;Acme&gt;`` is ``vector<Acme>``)."""
    if not detail:
        return None
    value = detail.get("value")
    return read(value) if "html" in str(detail.get("type") or "text/html") else clean(value)
