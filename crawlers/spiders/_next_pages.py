"""Next pages that could not be fetched: the gap they leave behind them, counted for the next crawl.

An incremental crawl stops paginating at the first page of reviews the store
holds. A crawl whose next page failed (after retries) stored the pages before
it, so the next incremental crawl would stop there and never read the pages
after it: such a failure is counted (``crawlers.stats.FAILED_FOLLOWS``), the
crawl's run says so (``crawlers.stats.unread_note``) and the next crawl of the
source reads every page (``flows.tasks.crawl_jobs.last_crawl_unfinished``).

A failed link of a page this crawl read without paginating (a hub, a sitemap)
leaves no such gap: the next crawl reads that page and follows the link again.
Counting it would make every crawl of a site with one dead product link a full one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawlers import stats as keys

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure


class NextPageFailures:
    """The page tracking and errback of :class:`crawlers.spiders.base.ReviewSpider` that tell a failed next page
    from a failed link; a mixin before ``CountingMixin``, whose methods it extends."""

    crawler: Crawler
    _pages_read: set[str]  # URLs of the pages this crawl read
    _paginated: set[str]  # ... and of those whose next page it followed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # scrapy.Spider's, further down ReviewSpider's MRO
        self._pages_read, self._paginated = set(), set()

    def paginated(self, url: str) -> None:
        """The crawl follows the next page of ``url`` (``IncrementalMixin.should_follow_next`` said so)."""
        self._paginated.add(url)

    def count_page(self, response: Response) -> None:
        """``CountingMixin.count_page``, remembering the page: :meth:`request_failed` asks where a request came from."""
        super().count_page(response)  # type: ignore[misc]  # CountingMixin's, next in ReviewSpider's MRO
        self._pages_read.add(response.url)

    def request_failed(self, failure: Failure) -> None:
        """``CountingMixin.request_failed``, counting a failed request after the start URLs as a gap unless it
        is a link of a page read without paginating. A ``Referer`` that names no page this crawl read (none
        sent, or a site's policy cut it to its origin) counts: better one needless full crawl than a silent gap.
        """
        stats = self.crawler.stats
        errors = stats.get_value(keys.REQUEST_ERRORS, 0)
        super().request_failed(failure)  # type: ignore[misc]  # CountingMixin's, next in ReviewSpider's MRO
        request = failure.request  # type: ignore[attr-defined]
        if stats.get_value(keys.REQUEST_ERRORS, 0) == errors or request.meta.get("umot_start"):
            return  # not an error (robots.txt, offsite), or a start URL's: a failed start, counted as such
        referer = (request.headers.get(b"Referer") or b"").decode("latin-1")
        if referer in self._pages_read and referer not in self._paginated:
            return
        stats.inc_value(keys.FAILED_FOLLOWS)
        if not stats.get_value(keys.FIRST_FAILED_FOLLOW):
            stats.set_value(keys.FIRST_FAILED_FOLLOW, request.url)
