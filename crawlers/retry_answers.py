"""What a failed download says about retrying it: how long it asks to wait, and whether to retry at all.

Read by :class:`crawlers.retry.BackoffRetryMiddleware` and by the spiders'
error counting (:mod:`crawlers.spiders._counting`), which must agree on what
is never retried; kept apart from the middleware, which only decides when.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError
from scrapy.http import Response
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefusedError
from twisted.internet.error import DNSLookupError


def retry_after_seconds(response: Response) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta or HTTP date), if any.

    None, so the normal back-off applies, for a delta that is no time to wait
    (``nan``, ``inf``, ``-5``): read as 0 it retried at once.
    """
    raw = response.headers.get(b"Retry-After")
    if not raw:
        return None
    value = raw.decode("latin-1").strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


#: Nothing listens there (wrong address, site down): retrying after 2, 4 and 8 s only
#: delays the same error by half a minute. A busy site answers 429/5xx or times out,
#: and those keep their back-off.
NOT_RETRIED = (DownloadConnectionRefusedError, TwistedConnectionRefusedError)

#: No site is there at all (no such name, or nothing listens): a robots.txt download failing so
#: lets the host's requests fail on their own, each named (``crawlers.middlewares``).
NO_HOST = (*NOT_RETRIED, CannotResolveHostError, DNSLookupError)

#: Answers about the whole site ("too many requests", "unavailable"): its host waits, not just the page.
HOST_BUSY = (429, 503)
