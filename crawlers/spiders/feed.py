"""``feed``: mentions from RSS and Atom feeds (blogs, forums, news, alerts).

``umot crawl --spider feed URL[,URL...]`` with feed URLs. Every entry is a
mention (no rating: the model scores it, the referral intent comes from the
text) stored under the source ``feed:<host>``. Paged feeds (RFC 5005
``rel="next"``) are followed until a page holds only stored entries or older
than ``since``.
"""

from __future__ import annotations

from crawlers.parsers import feed
from crawlers.spiders._listing import ListingSpider


class FeedSpider(ListingSpider):
    name = "feed"
    parser = staticmethod(feed.parse)

    def source_for(self, url: str) -> str:
        return feed.source_name(url)
