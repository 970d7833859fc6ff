"""Reddit: newest posts that mention a brand (the public search JSON listing).

``umot crawl --spider reddit URL`` with a listing URL
(``https://www.reddit.com/search.json?q=Acme&sort=new``; a subreddit's
``/r/NAME/search.json?q=Acme&restrict_sr=1&sort=new`` works too), or the argument
``query=...`` (default: the brand's name) to build it (a URL given with another sort, or none,
is read with ``sort=new``). Follows ``after=`` until
a page holds only stored posts or older than ``since``. Deleted and removed
posts are not stored: the stat ``umot/removed_posts`` counts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapy.http import Response

from crawlers.parsers import reddit
from crawlers.parsers.common import ParsedPage
from crawlers.spiders._listing import ListingSpider

REMOVED = "umot/removed_posts"  # deleted or removed posts: no longer mentions, not stored


class RedditSpider(ListingSpider):
    name = "reddit"
    parser = staticmethod(reddit.parse)
    url_options = ("query",)
    newest_sort = ("sort", "new")

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        query = str(options.get("query") or brand or "").strip()
        return [reddit.search_url(query)] if query else []

    def parse_listing(self, response: Response) -> ParsedPage:
        """The page's posts; its deleted and removed ones only counted."""
        page = super().parse_listing(response)
        removed = page.removed if isinstance(page, reddit.RedditPage) else 0
        if removed:
            self.crawler.stats.inc_value(REMOVED, removed)
        return page
