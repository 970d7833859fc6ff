"""Make a stranger's text safe to post into a team's chat through a webhook.

Review text is written by anyone. Slack reads ``<!channel>``, ``<!here>``,
``<@U123>`` and ``<https://evil.example|your invoice>`` as mentions and
disguised links; Mattermost and Discord (``/slack`` webhooks) also ping on a
plain ``@channel``, ``@here``, ``@all``, ``@everyone`` or ``@name`` and render
``[label](url)`` as a link. Escaping ``& < >`` (Slack's rule) and breaking
``@`` and ``](`` with an invisible zero-width space leaves the words readable
and inert everywhere.

``*bold*``, ``_italic_``, ``~strike~`` and backtick code have no escape in
Slack's mrkdwn, and an invisible character beside them does not stop a
Markdown code span (Mattermost, Discord) nor, reliably, Slack's own parser.
So they are replaced by characters that read the same and format nothing
(:data:`LOOK_ALIKES`): a quote shows the reviewer's ``*`` as ``∗``, never as bold.
"""

from __future__ import annotations

from urllib.parse import urlsplit

ZWSP = "\u200b"
LOOK_ALIKES = {
    "*": "\u2217",  # ∗ asterisk operator
    "_": "\u02cd",  # ˍ modifier letter low macron
    "~": "\u223c",  # ∼ tilde operator
    "`": "\u02cb",  # ˋ modifier letter grave accent
}
_URL_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})  # Slack's own rule
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **LOOK_ALIKES})


def escape_text(text: str) -> str:
    """``text`` as plain words in Slack, Mattermost and Discord: no mention, no link, no formatting."""
    return text.translate(_TEXT_ESCAPES).replace("@", "@" + ZWSP).replace("](", "]" + ZWSP + "(")


def safe_link(url: str | None) -> str | None:
    """``url`` escaped for Slack when it is a plain http(s) URL with a host; else None (left out)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(c.isspace() or ord(c) < 32 or c in "<>|\"'" for c in url):
        return None  # could end the link early or smuggle a label: better no link than a wrong one
    return url.translate(_URL_ESCAPES)  # the link's own characters (_ ~) stay: it must still lead there
