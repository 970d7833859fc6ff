"""``schemaorg``: reviews marked up with schema.org on any site (JSON-LD, microdata, RDFa).

Start it on a product page, a review listing, or a hub page that links to
them: pages with reviews are read and their next pages followed (``rel=next``
or a "next" pagination link) until a page holds only known reviews or reviews
older than ``since``; pages without reviews are treated as hubs whose same-site
links are followed, up to ``follow_depth`` (spider argument, default 2) hops
from the start URL. Which links those are: ``crawlers.spiders.site_links``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse

from crawlers import stats as keys
from crawlers.items import ReviewItem
from crawlers.page_state import HUB, REVIEWS, page_state_item
from crawlers.spiders._incremental import SOURCE_META
from crawlers.spiders._next_pages import next_page
from crawlers.spiders.arguments import whole_number
from crawlers.spiders.base import ReviewSpider
from crawlers.spiders.page_text import page_text
from crawlers.spiders.site_links import folder_of, hub_links, next_page_urls, site_of
from crawlers.stored_pages import StoredPages


class SchemaOrgSpider(ReviewSpider):
    """Generic review spider for any page with schema.org Review markup."""

    name = "schemaorg"
    arguments: tuple[str, ...] = ("follow_depth",)

    @classmethod
    def check_arguments(cls, values: Mapping[str, Any]) -> None:
        super().check_arguments(values)
        whole_number(values, "follow_depth", "hops from the start URL")

    def __init__(self, *args: Any, follow_depth: str | int = 2, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.follow_depth = int(follow_depth)
        # hub links are followed only below a start URL's folder, so a brand's
        # page never wanders into the rest of the site
        self.scopes = {(site_of(u), folder_of(u)) for u in self.start_urls}
        # what the store's crawls read before, loaded at open (None: no store, nothing is skipped)
        self.stored_pages: StoredPages | None = None

    def _opened(self, spider: Any) -> None:
        super()._opened(spider)
        if self._db_url and self.brand:
            self.stored_pages = StoredPages.load(self.crawler.settings, self._db_url, self.brand)

    def source_for(self, url: str) -> str:
        """``schemaorg:<host>``; a page's reviews take its start URL's (``page_sources``)."""
        return f"schemaorg:{site_of(url)}"

    def in_scope(self, url: str) -> bool:
        site, path = site_of(url), urlsplit(url).path or "/"
        return any(site == s and path.startswith(folder) for s, folder in self.scopes)

    def parse_page(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        depth = int(response.meta.get("umot_depth", 0))
        source, page_source = self.page_sources(response)  # the start URL's source; the page host's
        state = self.stored_pages.get(response.url) if self.stored_pages is not None else None
        if state is not None and self.unchanged(response):  # 304: the page is as the store's crawl read it
            if state["kind"] == REVIEWS:
                self.crawler.stats.inc_value(keys.UNCHANGED)  # its reviews are stored: nothing to do
            elif depth < self.follow_depth:  # a hub: its pages may have changed
                for url in state["links"]:
                    yield self.request(url, meta={"umot_depth": depth + 1, SOURCE_META: source})
            return
        if not isinstance(response, TextResponse):
            self.logger.info("skipped %s: not a text page", response.url)
            return
        from crawlers.extract.schemaorg import extract_page  # extruct loads only when a page is read

        # known reviews are told apart before their dates and languages are parsed
        # (the costly part of a page), and not emitted again: the store has them
        def is_known(row: dict[str, Any]) -> bool:
            return self.is_known({**row, "source": self.known.label_for(row, source, page_source)})

        # CRAWL_FULL passes known reviews on too: the store then takes their edits (models.crud.review_edits)
        stored = not self.full_crawl and (
            self.has_known(source) or (page_source != source and self.known.stored_any(page_source)))
        data = extract_page(page_text(response), response.url, is_known=is_known if stored else None)
        for reason in data.errors:
            self.parse_error(response.url, reason)
        if data.aggregates:
            self.crawler.stats.inc_value("umot/aggregate_ratings", len(data.aggregates))
        if data.known:
            self.crawler.stats.inc_value(keys.KNOWN, len(data.known))
        reviews: list[ReviewItem | dict[str, Any]] = [
            ReviewItem(source=self.known.label_for(row, source, page_source), **row) for row in data.reviews
        ]
        too_old = False  # a review dropped for ``since``: the store will not hold all of the page
        for item in reviews:
            if self.keep(item):
                yield item
            elif self.is_older_than_since(item):
                too_old = True
        reviews += [{**row, "source": source, "known": True} for row in data.known]
        links = [] if reviews else hub_links(response, self.in_scope)
        # not when ``since`` left some of its reviews out: a crawl without ``since`` would skip
        # the page on a 304 and never store them
        if self.stored_pages is not None and not too_old:
            page_state = page_state_item(response, REVIEWS if reviews else HUB, links)
            if page_state is not None:  # after the page's reviews: stored in the same transaction
                yield page_state
        if reviews:
            if self.should_follow_next(reviews, response.url):
                for url in next_page_urls(response):
                    yield next_page(self.request(url, meta={"umot_depth": depth, SOURCE_META: source}))
        elif depth < self.follow_depth:
            for url in links:
                yield self.request(url, meta={"umot_depth": depth + 1, SOURCE_META: source})
