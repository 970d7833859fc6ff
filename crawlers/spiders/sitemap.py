"""``sitemap``: find a site's product and review pages in its sitemaps, read them as ``schemaorg``.

``umot crawl --spider sitemap URL`` with a sitemap (``/sitemap.xml``, a sitemap
index, ``.xml.gz``) or a ``/robots.txt`` whose ``Sitemap:`` lines are followed.
Scrapy's SitemapSpider walks the sitemaps; the pages whose URL matches
``pattern`` (spider argument, a regular expression; default: product and
review paths) are read by the schemaorg spider's extraction, next pages
included. With ``since``, sitemap entries whose ``<lastmod>`` is older are
skipped, so a nightly run only opens pages that changed. Reviews take the
source of the sitemap's start URL, whatever host the listed pages are on.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any

from scrapy.http import Response
from scrapy.spiders import SitemapSpider as ScrapySitemapSpider
from scrapy.utils.sitemap import Sitemap

from crawlers.extract.dates import parse_datetime
from crawlers.spiders._incremental import SOURCE_META
from crawlers.spiders.arguments import SpiderArgumentError
from crawlers.spiders.schemaorg import SchemaOrgSpider

#: Paths that usually hold products or reviews.
DEFAULT_PATTERN = r"(?i)/(products?|items?|p|dp|reviews?|shop|store|produkt|produit|producto)(/|-|\.|$)"


class SitemapReviewSpider(ScrapySitemapSpider, SchemaOrgSpider):
    name = "sitemap"
    arguments = ("pattern", "follow_depth")

    @classmethod
    def check_arguments(cls, values: Mapping[str, Any]) -> None:
        super().check_arguments(values)
        pattern = values.get("pattern")
        if pattern:
            try:
                re.compile(str(pattern))
            except re.error as exc:
                raise SpiderArgumentError("pattern", f"not a regular expression ({exc})") from None

    def __init__(self, *args: Any, pattern: str | None = None, follow_depth: str | int = 0, **kwargs: Any):
        # Set before SitemapSpider.__init__ compiles its rules.
        self.sitemap_rules = [(pattern or DEFAULT_PATTERN, "parse")]
        super().__init__(*args, follow_depth=follow_depth, **kwargs)
        self.sitemap_urls = list(self.start_urls)

    async def start(self) -> AsyncIterator[Any]:
        if not self.start_urls:
            async for request in super().start():  # logs and records "no start URLs"
                yield request
            return
        for url in self.start_urls:
            yield self.request(url, callback=self._parse_sitemap, start=True, meta={SOURCE_META: self.source_for(url)})

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Entries changed since ``since`` (entries without ``<lastmod>`` always pass)."""
        for entry in entries:
            lastmod = parse_datetime(entry.get("lastmod")) if self.since else None
            if lastmod is not None and self.since is not None and lastmod < self.since:
                self.crawler.stats.inc_value("umot/sitemap_skipped_unchanged")
                continue
            yield entry

    def _parse_sitemap(self, response: Response) -> Iterator[Any]:
        """Scrapy's sitemap walk, with unreadable sitemaps counted and every request's failures too."""
        self.count_page(response)
        if not response.url.endswith("/robots.txt"):
            body = self._get_sitemap_body(response)
            if not body:
                self.parse_error(response.url, "not a sitemap (expected XML or gzipped XML)")
                return
            try:
                kind = Sitemap(body).type
            except Exception as exc:  # noqa: BLE001 - lxml's errors vary
                self.parse_error(response.url, f"sitemap could not be parsed ({exc})")
                return
            if kind not in ("urlset", "sitemapindex"):
                self.parse_error(response.url, f"not a sitemap (root element {kind!r})")
                return
        source = response.meta.get(SOURCE_META)  # the pages it lists are the start URL's source, on any host
        for request in super()._parse_sitemap(response):
            meta = {**request.meta, SOURCE_META: source} if source else request.meta
            yield request.replace(errback=self.request_failed, meta=meta)
