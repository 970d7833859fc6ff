"""Spiders: each yields :class:`crawlers.items.ReviewItem` and builds on
:class:`crawlers.spiders.base.ReviewSpider` (start URLs, brand, since,
incremental stop, error counting). ``umot crawl --spider NAME`` finds them by name."""
