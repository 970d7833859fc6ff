"""The crawl stage: a Scrapy project that turns public review pages into review items.

Settings live in :mod:`crawlers.settings`, the item in :mod:`crawlers.items`,
spiders in :mod:`crawlers.spiders` (all built on
:class:`crawlers.spiders.base.ReviewSpider`), and :func:`crawlers.runner.run_crawl`
runs one crawl in a subprocess and reports what it found.
"""
