"""Tell a brand's team about new detractors through a Slack-compatible webhook.

Slack, Mattermost, Rocket.Chat and Discord (``/slack`` URLs) all accept an
incoming-webhook POST of ``{"text": ...}``. A failed notification is logged and
reported, never raised: the reviews are stored and flagged either way, and the
triage queue still shows them.
"""

from __future__ import annotations

from core.wording import plural
from flows.outcomes import BrandReport, Detractor
from flows.slack_text import escape_text, safe_link

QUOTE_CHARS = 200
THEMES_PERIOD = "in the detractors written in the last 7 days"  # by review date (flows.tasks.negative_themes)


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
    if report.negative_themes:  # (#18) counted over the detractors written in the last 7 days, not this run's
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
