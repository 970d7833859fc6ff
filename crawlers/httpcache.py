"""Conditional requests: fetch a page again only if it changed.

Scrapy's HTTP cache keeps each page that carries a validator (``ETag`` or
``Last-Modified``) under ``HTTPCACHE_DIR``. With :class:`RevalidatePolicy` a
request for a kept page always goes to the site, with ``If-None-Match`` /
``If-Modified-Since``: a nightly crawl never trusts a kept copy without asking
(Scrapy's RFC 2616 policy would, for as long as heuristics call it fresh), and
a site answers ``304 Not Modified`` for a page that did not change, sending no
body. The spider then gets the kept copy, flagged ``cached``, and knows its
reviews are the ones it read the last time (``ReviewSpider.unchanged``);
:class:`PageKinds` remembers whether that page was a review page (nothing to do)
or a hub (its links are followed again).
Pages without validators are not kept: they are fetched in full every time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Request, Response
from scrapy.utils.project import data_path

logger = logging.getLogger(__name__)

REVIEWS, HUB = "reviews", "hub"  # what a page was when a crawl last read it in full


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


class PageKinds:
    """What each page was when a crawl last read it in full: a review page or a hub.

    A page the site answers 304 for is the page that crawl read: a review page
    (its reviews are stored: nothing to do) or a hub (its links lead to pages
    that may have changed: follow them again). Kept as JSON beside the brand's
    pages, one file per spider and source. A page without a remembered kind
    (the first crawl since, or one that died before saving) is read in full.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._kinds: dict[str, str] = {}
        self._changed = False
        if path is not None and path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                self._kinds = {str(k): v for k, v in loaded.items() if v in (REVIEWS, HUB)}
            except (OSError, ValueError, AttributeError) as exc:  # unreadable: every kept page is read again
                logger.warning("ignored unreadable page kinds %s: %s", path, exc)

    @classmethod
    def for_spider(cls, spider: Spider) -> "PageKinds":
        """The spider's file when its crawl keeps pages; else an in-memory one."""
        settings = spider.crawler.settings
        if not settings.getbool("HTTPCACHE_ENABLED"):
            return cls(None)
        source = getattr(spider, "source_id", None)
        name = f"page-kinds-{spider.name}-{source if source is not None else 'ad-hoc'}.json"
        cachedir = data_path(settings["HTTPCACHE_DIR"])  # as Scrapy's storage resolves it
        return cls(brand_dir(cachedir, getattr(spider, "brand", None)) / name)

    def get(self, url: str) -> str | None:
        return self._kinds.get(url)

    def set(self, url: str, kind: str) -> None:
        if self._kinds.get(url) != kind:
            self._kinds[url] = kind
            self._changed = True

    def save(self) -> None:
        """Write the file if anything changed (atomically: a reader sees the old or the new one)."""
        if self.path is None or not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".page-kinds-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(self._kinds, out, sort_keys=True)
        os.replace(tmp, self.path)
        self._changed = False
