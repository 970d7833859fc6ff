"""A review's public reply from the brand, cleaned together with the review.

Sites show the brand's answer under a review (Google Play developer replies,
Trustpilot company replies, Yelp owner responses, schema.org ``comment``).
Crawl rows carry it as ``reply_text``, ``reply_author`` and ``replied_at``.
A reply is kept whenever it has text; a date the site does not give, one
before the review's own date, more than 36 hours ahead of now or before 1990 (a clock or
parsing error at the source: ``core.dates``), is dropped with a warning naming the review, so the reply still counts as an
answer but stays out of the time-to-reply figures. The review's date it is judged against is the one
the store keeps (:func:`reply_date`, applied by ``models.crud.replies.store_replies``): a later row
dating a stored review otherwise does not move it.

A date with no time of day is stored as noon of that day in ``UMOT_TIMEZONE``
(``crawlers.extract.dates``), and only its time says so. A same-day reply to such a
review ("2026-12-03", answered 09:00) or a day-only reply to a review of the same
day is no clock error: it keeps its date, and counts as 0 hours to reply
(``core.dates.reply_hours`` is never negative), since the day is all that is known of one of the two.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from core.dates import implausible
from core.settings import get_settings

logger = logging.getLogger(__name__)

REPLY_FIELDS = ("reply_text", "reply_author", "replied_at")
_NO_REPLY: dict[str, Any] = {"reply_text": None, "reply_author": None, "replied_at": None}


def clean_reply(row: Mapping[str, Any], *, where: str, parse_date: Any) -> dict[str, Any]:
    """The row's reply columns; no text means no reply (author and date are ignored then).

    ``parse_date`` turns the row's ``replied_at`` into an aware UTC datetime or
    ``None``; ``where`` names the review in the warnings. The store judges the
    date against the review's date it keeps (:func:`reply_date`), not this row's.
    """
    text = row.get("reply_text")
    text = str(text).replace("\x00", "").strip() if text is not None else ""
    if not text:
        return dict(_NO_REPLY)
    author = row.get("reply_author")
    author = str(author).replace("\x00", "").strip()[:300] or None if author is not None else None
    raw_date = row.get("replied_at")
    replied_at = parse_date(raw_date)
    if replied_at is None:
        what = "has no date" if raw_date in (None, "") else f"has an unreadable date {raw_date!r}"
        logger.warning("review %s: reply %s; kept without one (a date stored before stays; else left out of time to reply)",
                       where, what)
    elif implausible(replied_at):
        logger.warning("review %s: reply dated %s, %s; kept without a date (left out of time to reply)",
                       where, replied_at.isoformat(), implausible(replied_at))
        replied_at = None
    return {"reply_text": text, "reply_author": author, "replied_at": replied_at}


def reply_date(replied_at: datetime | None, published_at: datetime | None, where: str) -> datetime | None:
    """``replied_at``, or None (with a warning naming the review) when it is before the review's date."""
    if replied_at is None or published_at is None or replied_at >= published_at or _same_day(published_at, replied_at):
        return replied_at
    logger.warning("review %s: reply dated %s, before the review (%s); kept without a date (left out of time to reply)",
                   where, replied_at.isoformat(), published_at.isoformat())
    return None


def _same_day(review: datetime, reply: datetime) -> bool:
    """Is one of the two a day with no time (stored as its noon in ``UMOT_TIMEZONE``), and both that day?"""
    zone = ZoneInfo(get_settings().timezone)
    local_review, local_reply = review.astimezone(zone), reply.astimezone(zone)
    day_only = time(12) in (local_review.time(), local_reply.time())
    return day_only and local_review.date() == local_reply.date()
