"""The one item every spider yields: a review, in the shape the store expects.

Field names are the crawl JSONL fields and the keys of
``models.crud.upsert_reviews`` rows, so the JSONL writer and the store pipeline
pass items through unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import scrapy


class ReviewItem(scrapy.Item):
    """A public review or mention; unknown values stay ``None``."""

    source = scrapy.Field()  # e.g. "schemaorg:shop.example", "appstore"
    url = scrapy.Field()  # where the review can be read
    external_id = scrapy.Field()  # the site's id, else models.identity.content_id(...)
    author = scrapy.Field()
    rating = scrapy.Field()  # normalised to 1-5, None = unrated
    rating_raw = scrapy.Field()  # the value as published
    rating_scale = scrapy.Field()  # its bestRating (5, 10, 100, ...)
    title = scrapy.Field()
    text = scrapy.Field()
    published_at = scrapy.Field()  # ISO 8601 UTC string
    language = scrapy.Field()  # ISO 639-1 code
    extra = scrapy.Field()  # dict of anything else worth keeping (item reviewed, ...)
    reply_text = scrapy.Field()  # the brand's public reply under the review, if the site shows one
    reply_author = scrapy.Field()  # who signed it (the business's name on the site)
    replied_at = scrapy.Field()  # ISO 8601 UTC string


REVIEW_FIELDS: tuple[str, ...] = tuple(ReviewItem.fields)


def item_to_row(item: Any) -> dict[str, Any]:
    """Plain dict with every review field (missing -> None; datetimes -> ISO 8601)."""
    get = item.get if hasattr(item, "get") else lambda k, d=None: getattr(item, k, d)
    row = {name: get(name, None) for name in REVIEW_FIELDS}
    for name in ("published_at", "replied_at"):
        if isinstance(row[name], datetime):
            row[name] = row[name].isoformat()
    if row["extra"] is None:
        row["extra"] = {}
    return row
