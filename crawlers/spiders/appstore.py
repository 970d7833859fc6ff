"""Apple App Store customer reviews, newest first, one feed per country.

``umot crawl --spider appstore URL`` with a feed URL
(``https://itunes.apple.com/us/rss/customerreviews/page=1/id=APP/sortby=mostrecent/json``),
or the arguments ``app_id=APP`` and ``countries=us,gb`` (default ``us``) to build them
(a feed URL given with another ``sortby=``, or none, is read with ``sortby=mostrecent``).
Paginates ``page=1..10`` until a page holds only stored reviews or older than ``since``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.parsers import appstore
from crawlers.spiders._listing import ListingSpider, option_list


class AppStoreSpider(ListingSpider):
    name = "appstore"
    parser = staticmethod(appstore.parse)
    url_options = ("app_id", "countries", "country")

    @classmethod
    def sorted_newest(cls, url: str) -> tuple[str, str | None]:
        return appstore.sorted_newest(url)

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        app_id = str(options.get("app_id") or "").strip()
        if not app_id:
            return []
        countries = option_list(options.get("countries") or options.get("country")) or ["us"]
        return [appstore.feed_url(app_id, country) for country in countries]
