"""``feed``: mentions from RSS and Atom feeds (blogs, forums, news, alerts).

``umot crawl --spider feed URL[,URL...]`` with feed URLs. Every entry is a
mention (no rating: the model scores it, the referral intent comes from the
text) stored under the source ``feed:<host>`` of the feed's start URL, also
for its pages served from another host (a redirect, a next link). Paged feeds
(RFC 5005 ``rel="next"``) are followed until a page holds only stored entries
or older than ``since``.

An entry without a guid is stored under its content id (``crawlers.parsers.feed``);
crawls before stored it under its link when no other entry had that link, so one the
store holds under its link, the only such entry of its page, keeps that id. One whose
HTML umot read otherwise before (tags dropped without a trace: ``kettle</h2>is`` was
``kettleis``) keeps the content id of that text when the store holds it under that id
and not under the new one; its stored text stays (a content id is never edited).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrapy.http import Response

from crawlers.parsers import feed
from crawlers.parsers.common import ParsedPage
from crawlers.spiders._listing import ListingSpider
from models.identity import content_id, is_content_id, legacy_content_id


class FeedSpider(ListingSpider):
    name = "feed"
    parser = staticmethod(feed.parse)

    def source_for(self, url: str) -> str:
        return feed.source_name(url)

    def parse_listing(self, response: Response) -> ParsedPage:
        """The parser names entries after the page's host: they take the start URL's source instead."""
        page = super().parse_listing(response)
        source, page_source = self.page_sources(response)
        if source != page_source:
            page.reviews = [self._relabel(row, source, page_source) for row in page.reviews]
        self._keep_link_ids(page.reviews)
        if isinstance(page, feed.FeedPage) and page.earlier_texts:
            self._keep_earlier_ids(page.reviews, page.earlier_texts)
        return page

    def _keep_link_ids(self, rows: list[dict[str, Any]]) -> None:
        """Entries without an id that the store holds under their link (alone in the page with it) keep it."""
        idless = [row for row in rows if row.get("url")
                  and is_content_id(row.get("external_id"), row.get("source"), row.get("author"), row.get("text"))]
        links = Counter(row["url"] for row in idless)
        for row in idless:
            if links[row["url"]] == 1 and self.known.stored({**row, "external_id": row["url"]}):
                row["external_id"] = row["url"]

    def _keep_earlier_ids(self, rows: list[dict[str, Any]], earlier_texts: dict[int, str]) -> None:
        """Entries stored under the content id of their text as read before (``earlier_texts``, by index),
        and not under their new one, keep the stored id."""
        for index, text in earlier_texts.items():
            row = rows[index]
            source, author = row.get("source"), row.get("author")
            if row.get("external_id") != content_id(source, author, row.get("text")) or self.known.stored(row):
                continue  # kept its link's id, or stored as read now
            for earlier in (content_id(source, author, text), legacy_content_id(source, author, text)):
                if self.known.stored({**row, "external_id": earlier}):
                    row["external_id"] = earlier
                    break

    def _relabel(self, row: dict[str, Any], source: str, page_source: str) -> dict[str, Any]:
        """The entry under the crawl's source (its content id too), unless stored under the page's host."""
        label = self.known.label_for(row, source, page_source)
        if label == page_source:
            return row
        author, text = row.get("author"), row.get("text")
        if row.get("external_id") == content_id(page_source, author, text):  # no id from the feed
            return {**row, "source": label, "external_id": content_id(label, author, text)}
        return {**row, "source": label}
