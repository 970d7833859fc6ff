"""Scrapy's local HTTP cache, for spiders that re-parse what they fetch (not the skipping kind).

Pages that carry a validator (``ETag`` or ``Last-Modified``) are kept under
``HTTPCACHE_DIR`` (per machine, per brand). With :class:`RevalidatePolicy` a
request for a kept page always goes to the site, with ``If-None-Match`` /
``If-Modified-Since``; on ``304 Not Modified`` the kept copy is handed to the
spider, which parses it again: a bandwidth saving only, which can never cost a
review, so this cache may stay on each worker's disk.

Spiders that *skip* unchanged pages (``schemaorg``, ``sitemap``) do not use it:
their validators and page kinds live in the store (``crawlers.page_state``),
so only a store that holds a page's reviews ever skips that page.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

def brand_dir(cachedir: str | Path, brand: str | None) -> Path:
    """The folder of one brand's kept pages: ``<cachedir>/<slug>-<digest>``."""
    brand = brand or ""
    slug = re.sub(r"[^a-z0-9]+", "-", brand.lower()).strip("-")[:40] or "no-brand"
    digest = hashlib.sha1(brand.encode("utf-8")).hexdigest()[:8]  # "Acme" and "ACME!" stay apart
    return Path(cachedir) / f"{slug}-{digest}"


class RevalidatePolicy(RFC2616Policy):
    """``HTTPCACHE_POLICY``: always revalidate a kept page; only a 304 brings the kept copy back."""

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        # not the parent's "a 5xx keeps the kept copy": a server error is retried and
        # reported, never taken for "nothing changed"
        return response.status == 304


class RevalidatingCacheMiddleware(HttpCacheMiddleware):
    """Scrapy's HTTP cache middleware, minus two things a crawl for new reviews must not do.

    - A 304 hands the kept copy back as is, without writing it to disk again
      (Scrapy re-stores it to refresh its headers; revalidating every time, we never read them).
    - A fetch that fails (site down, timeout) fails: Scrapy would hand back the
      kept copy, and a site that is down would pass for one with nothing new.
    """

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Any:
        cached = request.meta.get("cached_response")
        if cached is not None and response.status == 304 and not request.meta.get("dont_cache"):
            del request.meta["cached_response"]
            self.stats.inc_value("httpcache/revalidate")
            return cached
        return super().process_response(request, response)

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None) -> None:
        request.meta.pop("cached_response", None)
        return None


class BrandCacheStorage(FilesystemCacheStorage):
    """``HTTPCACHE_STORAGE``: each brand's crawls keep their own copies (``HTTPCACHE_DIR/<brand>/``).

    "Unchanged" means "read by an earlier crawl *for this brand*": a page two
    brands crawl must be read once for each, or the second would skip reviews
    it never stored.
    """

    def open_spider(self, spider: Spider) -> None:
        self.cachedir = str(brand_dir(self.cachedir, getattr(spider, "brand", None)))
        super().open_spider(spider)
