"""Scraped field values as a review row holds them: text stripped, HTML as plain text, dates in UTC.

Every site hands these over in its own form (padding, HTML fragments, epoch
milliseconds, free-form dates); converting them in one place keeps the rows of
all sites, and their replies, alike.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from crawlers.extract.dates import parse_datetime
from crawlers.extract.node_text import text_of
from crawlers.extract.surrogates import without_lone_surrogates

# Epoch seconds (10 digits) or milliseconds (13) written as text, as some APIs send them: the instants
# since 2001 (9 or 12 digits would be the 1970s-1990s, more often a compact date such as 202403011200)
_EPOCH_TEXT = re.compile(r"\s*(?:\d{10}|\d{13})(?:\.\d+)?\s*")


def clean(value: Any) -> str | None:
    """Stripped text, ``None`` for empty; a lone surrogate (half an emoji) as U+FFFD, which UTF-8 can hold."""
    if value is None:
        return None
    value = without_lone_surrogates(str(value)).strip()
    return value or None


def to_datetime(value: Any, language: str | None = None) -> datetime | None:
    """A UTC datetime from ISO 8601, epoch seconds or milliseconds, or a free-form date
    (a numeric one in ``language``'s day/month order); epoch digits as text (``"1709251200"``) are
    the same instant as the number, not a day read as noon."""
    if isinstance(value, str) and _EPOCH_TEXT.fullmatch(value):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e11:
        value = value / 1000  # epoch milliseconds
    return parse_datetime(value, language)


def to_int(value: Any) -> int | None:
    """A whole number from an int or its digits as text (``"3"``), else None: a site's counts and
    page numbers, read so an odd value (``"ten"``, ``"1–10"``, ``2.5``, ``true``) is no number, not a crash."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        return int(value)
    return None


def field_int(data: Any, key: str, where: str, problems: list[str]) -> int | None:
    """``data[key]`` as :func:`to_int` reads it; a value there that is no whole number is None and one
    line in ``problems`` (a page's ``skipped``: logged and counted as a parse error) naming it."""
    value = data.get(key) if isinstance(data, dict) else None
    number = to_int(value)
    if value is not None and number is None:
        problems.append(f"{where}.{key} {value!r} is no whole number: ignored")
    return number


def html_to_text(value: str | None) -> str | None:
    """Plain text from an HTML fragment, as a review's JSON-LD text is read (:func:`text_of`):
    block elements (``<p>``, ``<div>``, ``<li>``, ``<h2>``, ``<tr>``...) end lines, a cell or an image
    is a space, inline tags (``<b>``) go without a trace, spaces are folded; ``None`` if nothing is left.

    Entities are decoded once, after the tags go: ``std::vector&lt;Acme&gt;`` is the
    text ``std::vector<Acme>``, not a tag to drop.
    """
    return text_of(value) if value else value


def legacy_html_to_text(value: str | None) -> str | None:
    """``html_to_text`` as umot read feed HTML before it used :func:`strip_markup`: tags dropped without
    a trace (``<h2>Acme kettle</h2>is`` was ``Acme kettleis``), only ``<br>``/``<p>`` as line breaks.

    Kept only to find a guid-less feed entry stored under the content id of that reading
    (``crawlers.spiders.feed``): its id changes with its text, so it would be stored twice.
    """
    if not value:
        return value
    from w3lib.html import remove_tags, replace_entities

    value = re.sub(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>|<p[^>]*>", "\n", value)
    return replace_entities(remove_tags(value)).strip()


def escaped_html_to_text(value: str | None) -> str | None:
    """Plain text from HTML that was escaped once more (Yelp's ``comment.text``: ``rude.&lt;br&gt;Waited``).

    Only for a site known to do that: elsewhere ``&lt;`` with no tag around is text
    (HN's ``vector&lt;Acme&gt;``). Markup that came unescaped (a raw ``<``) is read as it is.
    """
    if not value:
        return value
    from w3lib.html import replace_entities

    if "<" not in value and "&lt;" in value:
        value = replace_entities(value)
    return html_to_text(value)
