"""The brand's public reply under a review, in the crawl row's three reply fields.

Which formats carry one (see docs/replies-advocates-competitors.md): Google Play
(developer reply), Trustpilot (company reply), Yelp (business owner reply) and
schema.org ``Review.comment``; the App Store feed, Reddit, Hacker News and RSS/Atom
feeds do not. The store checks the date against the review's (``models.replies``).
"""

from __future__ import annotations

from typing import Any

from crawlers.parsers.values import clean, to_datetime

NO_REPLY: dict[str, Any] = {"reply_text": None, "reply_author": None, "replied_at": None}


def reply_fields(text: Any, author: Any = None, at: Any = None) -> dict[str, Any]:
    """``reply_text``, ``reply_author``, ``replied_at`` (UTC; an unreadable date is passed on
    as written, so the store can say what it was); all ``None`` without text."""
    text = clean(text)
    if not text:
        return dict(NO_REPLY)
    return {"reply_text": text, "reply_author": clean(author), "replied_at": to_datetime(at) or clean(at)}
