"""What every site parser returns: a page's review rows, or why it could not be read.

Parsers are pure functions (response body + URL in, reviews + where to go next
out), so each site's format is tested on fixtures without a crawl, and the
spiders only handle requests and incremental stopping. The helpers parsers
share for reading a body sit beside this module: ``values`` (field values),
``json_data`` (JSON lookups) and ``jsonld_reviews`` (the schema.org fallback).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.language import detect_language
from crawlers.extract.dates import unless_implausible
from crawlers.extract.ratings import UNRATED, normalise_rating
from crawlers.extract.surrogates import without_lone_surrogates
from crawlers.parsers.values import clean, to_datetime
from models.identity import content_id


class ParseError(ValueError):
    """The response is not in the format the parser expects; the message says why."""


@dataclass
class ParsedPage:
    """One response's reviews and where the listing continues (``None`` = last page)."""

    reviews: list[dict[str, Any]] = field(default_factory=list)
    next_url: str | None = None
    # Opaque continuation for APIs that page with a token instead of a URL.
    next_token: str | None = None
    # Items on the page that are no review, each with why: parse errors, while the rest are read.
    skipped: list[str] = field(default_factory=list)


def make_review(
    *,
    source: str,
    external_id: str | None,
    text: str | None,
    url: str | None = None,
    author: str | None = None,
    rating: float | int | str | None = None,
    rating_scale: float = 5.0,
    title: str | None = None,
    published_at: Any = None,
    language: str | None = None,
    date_locale: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A review row: 1-5 rating, UTC date, language (given, else detected).

    The date is read in ``date_locale``'s day/month order where the site writes dates
    its own way whatever the review's language (Yelp), else the language's; one more than 36
    hours ahead or before 1990 is unknown, its raw value kept in ``extra`` (``unless_implausible``:
    the schema.org and import rows' rule). Referral intent is not set here:
    the score task reads it from the text (one place).
    """
    stars = normalise_rating(rating, best=rating_scale) if rating is not None else UNRATED
    title, author = clean(title), clean(author)  # the content id's author too: the same id, less half an emoji
    text = clean(text) or ""
    words = " ".join(part for part in (title, text) if part)
    row: dict[str, Any] = {
        "source": source,
        "url": without_lone_surrogates(url) if url else url,  # as text: half an emoji fails the store's batch
        # No id from the site: the same content hash the pipeline would give, so
        # incremental stops recognise these reviews too.
        "external_id": without_lone_surrogates(str(external_id)) if external_id not in (None, "")
        else content_id(source, author, text),
        "author": author,
        "rating": stars.value,
        "rating_raw": stars.raw,
        "rating_scale": stars.scale,
        "title": title,
        "text": text,
        "published_at": to_datetime(published_at, clean(date_locale) or clean(language)),
        "language": detect_language(words, declared=clean(language)),
        "extra": {k: v for k, v in (extra or {}).items() if v is not None},
    }
    row["published_at"] = unless_implausible(row, row["published_at"], published_at)
    return row
