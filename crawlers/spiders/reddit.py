"""Reddit: newest posts that mention a brand (the public search JSON listing).

``umot crawl --spider reddit URL`` with a listing URL
(``https://www.reddit.com/search.json?q=Acme&sort=new``; a subreddit's
``/r/NAME/search.json?q=Acme&restrict_sr=1&sort=new`` works too), or the argument
``query=...`` (default: the brand's name) to build it. Follows ``after=`` until
a page holds only stored posts or older than ``since``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.parsers import reddit
from crawlers.spiders._listing import ListingSpider


class RedditSpider(ListingSpider):
    name = "reddit"
    parser = staticmethod(reddit.parse)
    url_options = ("query",)

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        query = str(options.get("query") or brand or "").strip()
        return [reddit.search_url(query)] if query else []
