"""Which spiders read formats that carry the brand's reply, and how far back a crawl looks for new ones.

A reply usually comes days after its review, so an incremental crawl that
stopped at the first page of stored reviews would never see it. For these
spiders the reviews published in the last ``UMOT_REPLY_WINDOW_DAYS`` (30)
that have no reply yet do not count as "already stored": pagination goes on
through the pages holding them and the store writes a reply found there
(``models.crud.replies``). Older reviews rarely get a first answer, and
re-reading them every night would cost pages for nothing. Kept free of heavy
imports: the runner's process calls it before each crawl.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: Spiders whose pages show the brand's reply (the App Store feed, Reddit, HN and feeds do not).
REPLY_SPIDERS = frozenset({"googleplay", "trustpilot", "yelp", "schemaorg", "sitemap"})


def awaiting_reply_since(spider: str, now: datetime | None = None) -> datetime | None:
    """Unanswered reviews published after this are read again (``None``: no such re-reading)."""
    if spider not in REPLY_SPIDERS:
        return None
    from core.settings import get_settings

    days = get_settings().reply_window_days
    if days <= 0:
        return None
    return (now or datetime.now(UTC)) - timedelta(days=days)
