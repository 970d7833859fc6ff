"""POST a message to a Slack-compatible incoming webhook, bounded in time, never raising.

A failed POST is a ``False`` the night keeps the detractors for (:mod:`flows.notify_state`);
a 2xx status line is a delivered message even when the rest of the answer never comes (before,
a body trickled past the deadline counted as failed, and the next night posted it again).
"""

from __future__ import annotations

import logging
import threading

import httpx

from core.http_url import shown_url

log = logging.getLogger(__name__)

POST_DEADLINE_S = 20.0  # one POST up to its status line, a slow name lookup included: well inside the notify task's 60 s limit


def post_webhook(url: str, text: str, *, timeout: float | None = None, deadline: float = POST_DEADLINE_S,
                 client: httpx.Client | None = None) -> bool:
    """POST ``{"text": text}`` to ``url``; True on a 2xx status line within ``deadline`` seconds.

    Anything else is False, logged, never raised (the night keeps the detractors for its next
    post, :mod:`flows.notify_state`): an error answer, a refused or invalid URL, a UnicodeError
    of a host name, no status within the deadline. The answer's body is not read: a hook that
    said 2xx took the message, however long the rest of its answer would take.
    ``timeout`` bounds each connect, write and read (default: the deadline: a hook that answers in
    12 s took the message, and failing it at a 10 s read timeout posted it again the next night);
    the POST runs in a thread so that ``deadline`` bounds it all, a slow name lookup included.
    """
    outcome: list[str | None] = []
    worker = threading.Thread(target=lambda: outcome.append(_post(url, text, min(timeout or deadline, deadline), client)),
                              name="webhook-post", daemon=True)
    worker.start()
    worker.join(deadline)
    why = outcome[0] if outcome else f"failed: no answer within {deadline:g} s"
    if why is not None:
        log.warning("webhook %s %s", shown_url(url), why)
    return why is None


def _post(url: str, text: str, timeout: float, client: httpx.Client | None) -> str | None:
    """Why the POST failed (``failed: ConnectError``, ``answered HTTP 500``), or None once a 2xx
    status came. An exception's text may hold the URL: only its type is told."""
    poster = httpx.Client() if client is None else client
    try:
        with poster.stream("POST", url, json={"text": text}, timeout=timeout) as response:
            return None if response.is_success else f"answered HTTP {response.status_code}"
    except Exception as exc:  # noqa: BLE001 - any failure of one post is a failed post, not a failed night
        return f"failed: {type(exc).__name__}"
    finally:
        if client is None:
            poster.close()
