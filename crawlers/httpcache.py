"""Conditional requests: fetch a page again only if it changed.

Scrapy's HTTP cache keeps each page that carries a validator (``ETag`` or
``Last-Modified``) under ``HTTPCACHE_DIR``. With :class:`RevalidatePolicy` a
request for a kept page always goes to the site, with ``If-None-Match`` /
``If-Modified-Since``: a nightly crawl never trusts a kept copy without asking
(Scrapy's RFC 2616 policy would, for as long as heuristics call it fresh), and
a site answers ``304 Not Modified`` for a page that did not change, sending no
body. The spider then gets the kept copy, flagged ``cached``, and knows its
reviews are the ones it read the last time (``ReviewSpider.unchanged``).
Pages without validators are not kept: they are fetched in full every time.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Request, Response


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
        brand = getattr(spider, "brand", None) or ""
        slug = re.sub(r"[^a-z0-9]+", "-", brand.lower()).strip("-")[:40] or "no-brand"
        digest = hashlib.sha1(brand.encode("utf-8")).hexdigest()[:8]  # "Acme" and "ACME!" stay apart
        self.cachedir = str(Path(self.cachedir) / f"{slug}-{digest}")
        super().open_spider(spider)
