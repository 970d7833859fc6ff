"""Tell a brand's team about new detractors through a Slack-compatible webhook.

Slack, Mattermost, Rocket.Chat and Discord (``/slack`` URLs) all accept an
incoming-webhook POST of ``{"text": ...}``. A failed notification is logged and
reported, never raised: the reviews are stored and flagged either way, and the
triage queue still shows them.
"""

from __future__ import annotations

import logging
import threading
import time

import httpx

from core.http_url import shown_url
from core.wording import plural
from flows.outcomes import BrandReport, Detractor
from flows.slack_text import escape_text, safe_link

log = logging.getLogger(__name__)

QUOTE_CHARS = 200
THEMES_PERIOD = "in the last 7 days' detractors"  # what the themes line counts (flows.tasks.themes)
POST_DEADLINE_S = 20.0  # one whole POST, answer included: well inside the notify task's 60 s limit


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    line = " ".join((text or "").split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut + "…"


def _detractor_line(item: Detractor) -> str:
    """One quoted detractor; the review text is escaped (a stranger wrote it), only http(s) links."""
    stars = f"{item.rating_text} " if item.rating_text else ""
    url = safe_link(item.url)
    link = f" {url}" if url else ""
    return f"> {stars}“{escape_text(quote(item.text))}”{link}"


def headline(report: BrandReport) -> str:
    """``2 new detractors in 6 new reviews``, or what the run scored when that was not only new reviews.

    A run also scores reviews it did not crawl (``umot import``, a new model
    version): "2 new detractors in 0 new reviews" would read as an error.
    """
    n, new, scored = report.new_detractors, report.new_reviews, report.scored
    text = plural(n, "new detractor")
    if scored == new and new:
        return f"{text} in {plural(new, 'new review')}"
    if scored:
        text += f" among {plural(scored, 'review')} scored in this run"
        return text + (f" ({new} newly crawled)" if new else "")
    return text


def format_message(report: BrandReport, *, top: int = 3) -> str:
    """The webhook text: this run's counts, the last 7 days' themes (saying so), then the most
    severe new detractors quoted with links."""
    n = report.new_detractors
    lines = [f"*umot — {escape_text(report.brand)}*: {headline(report)}"]
    shown = report.detractors[:top]
    if report.negative_themes:  # (#18) counted over the last 7 days' detractors, not this run's
        themes = ", ".join(f"{escape_text(theme)} ({count})" for theme, count in report.negative_themes)
        lines.append(f"Top negative themes: {themes} — {THEMES_PERIOD}")
    lines += [_detractor_line(item) for item in shown]
    if n > len(shown):
        lines.append(f"…and {n - len(shown)} more in the triage queue.")
    return "\n".join(lines)


def format_unsent(brand: str, items: list[Detractor], *, top: int = 3) -> str:
    """The text for detractors an earlier night did not get posted, the most severe quoted first."""
    lines = [f"*umot — {escape_text(brand)}*: {plural(len(items), 'detractor')} not posted before "
             "(the webhook failed then, or the run stopped before posting)"]
    lines += [_detractor_line(item) for item in items[:top]]
    if len(items) > top:
        lines.append(f"…and {len(items) - top} more in the triage queue.")
    return "\n".join(lines)


def post_webhook(url: str, text: str, *, timeout: float = 10.0, deadline: float = POST_DEADLINE_S,
                 client: httpx.Client | None = None) -> bool:
    """POST ``{"text": text}`` to ``url``; True on a 2xx answer that came whole within ``deadline`` seconds.

    Anything else is False, logged, never raised (the night keeps the detractors for its next
    post, :mod:`flows.notify_state`): an error answer, a refused or invalid URL, a UnicodeError
    of a host name, a body trickled forever. ``timeout`` bounds each connect, write and read;
    the POST runs in a thread so that ``deadline`` bounds it all, a slow name lookup included.
    """
    outcome: list[str | None] = []
    end = time.monotonic() + deadline
    worker = threading.Thread(target=lambda: outcome.append(_post(url, text, min(timeout, deadline), end, client)),
                              name="webhook-post", daemon=True)
    worker.start()
    worker.join(deadline)
    why = outcome[0] if outcome else f"failed: no whole answer within {deadline:g} s"
    if why is not None:
        log.warning("webhook %s %s", shown_url(url), why)
    return why is None


def _post(url: str, text: str, timeout: float, end: float, client: httpx.Client | None) -> str | None:
    """Why the POST failed (``failed: ConnectError``, ``answered HTTP 500``), or None; reads the answer
    until ``end`` (:func:`time.monotonic`) at most. Its text may hold the URL: only its type is told."""
    poster = httpx.Client() if client is None else client
    try:
        with poster.stream("POST", url, json={"text": text}, timeout=timeout) as response:
            for _ in response.iter_raw():
                if time.monotonic() > end:
                    return "failed: its answer did not end in time"
        return None if response.is_success else f"answered HTTP {response.status_code}"
    except Exception as exc:  # noqa: BLE001 - any failure of one post is a failed post, not a failed night
        return f"failed: {type(exc).__name__}"
    finally:
        if client is None:
            poster.close()
