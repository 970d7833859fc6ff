"""What every site parser returns, and the small conversions they share.

Parsers are pure functions (response body + URL in, reviews + where to go next
out), so each site's format is tested on fixtures without a crawl, and the
spiders only handle requests and incremental stopping.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.language import detect_language
from crawlers.extract.dates import parse_datetime
from crawlers.extract.ratings import UNRATED, normalise_rating
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
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A review row: 1-5 rating, UTC date, language (given, else detected).

    Referral intent is not set here: the score task reads it from the text (one place).
    """
    stars = normalise_rating(rating, best=rating_scale) if rating is not None else UNRATED
    title = clean(title)
    text = clean(text) or ""
    words = " ".join(part for part in (title, text) if part)
    return {
        "source": source,
        "url": url,
        # No id from the site: the same content hash the pipeline would give, so
        # incremental stops recognise these reviews too.
        "external_id": str(external_id) if external_id not in (None, "") else content_id(source, author, text),
        "author": clean(author),
        "rating": stars.value,
        "rating_raw": stars.raw,
        "rating_scale": stars.scale,
        "title": title,
        "text": text,
        "published_at": to_datetime(published_at),
        "language": detect_language(words, declared=clean(language)),
        "extra": {k: v for k, v in (extra or {}).items() if v is not None},
    }


def clean(value: Any) -> str | None:
    """Stripped text, ``None`` for empty."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def to_datetime(value: Any) -> datetime | None:
    """A UTC datetime from ISO 8601, epoch seconds or milliseconds, or a free-form date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e11:
        value = value / 1000  # epoch milliseconds
    return parse_datetime(value)


def load_json(body: bytes | str, what: str = "response") -> Any:
    """Parse JSON or raise :class:`ParseError` naming what could not be read."""
    try:
        return json.loads(body)
    except (ValueError, TypeError) as exc:
        raise ParseError(f"{what} is not valid JSON ({exc})") from None


def dig(data: Any, *path: Any) -> Any:
    """``data[p0][p1]...`` or ``None`` when any step is missing or of the wrong type."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def json_ld_reviews(html: str, url: str) -> list[dict[str, Any]]:
    """Every schema.org review in a page's JSON-LD: ``Review`` nodes and the items of
    any ``review`` property (sites often leave their ``@type`` out), in page order."""
    import extruct  # slow import: only pages that need the JSON-LD fallback pay for it

    try:
        blocks = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    except Exception as exc:  # extruct raises whatever its parsers raise
        raise ParseError(f"JSON-LD could not be read ({exc})") from None
    found: list[dict[str, Any]] = []
    for node in walk_dicts(blocks):
        candidates = [node] if _has_type(node, "Review") else []
        listed = node.get("review")
        candidates += [r for r in (listed if isinstance(listed, list) else [listed]) if isinstance(r, dict)]
        for review in candidates:
            has_content = review.get("reviewBody") or review.get("description") or review.get("reviewRating")
            if has_content and not any(review is seen for seen in found):
                found.append(review)
    return found


def _has_type(node: dict[str, Any], type_: str) -> bool:
    types = node.get("@type")
    return type_ in types if isinstance(types, list) else types == type_


def walk_dicts(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict inside a parsed JSON value, depth first (the value itself first)."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk_dicts(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk_dicts(child)


def html_to_text(value: str | None) -> str | None:
    """Plain text from an HTML fragment: tags dropped, ``<br>``/``<p>`` as line breaks."""
    if not value:
        return value
    import re

    from w3lib.html import remove_tags, replace_entities

    if "<" not in value and "&lt;" in value:  # HTML escaped once more, as Yelp's comments are
        value = replace_entities(value)
    value = re.sub(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>|<p[^>]*>", "\n", value)
    return replace_entities(remove_tags(value)).strip()
