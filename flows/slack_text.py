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
# after the host, written as a browser sends them: no markdown label "[x](…)" nor "@everyone" in a link
_PATH_ESCAPES = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D", "@": "%40"})
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **LOOK_ALIKES})


def escape_text(text: str) -> str:
    """``text`` as plain words in Slack, Mattermost and Discord: no mention, no link, no formatting."""
    return text.translate(_TEXT_ESCAPES).replace("@", "@" + ZWSP).replace("](", "]" + ZWSP + "(")


_NOT_IN_URL = frozenset(" \"'<>\\^`{|}")  # not URL characters (RFC 3986; ' as well): they end or bend a link


def plain_http_url(url: str | None) -> bool:
    """True for an http(s) URL with a host made only of URL characters: the rule for every link umot shows.

    Whitespace, control and other invisible characters (newline, tab, zero-width
    or bidi marks) and ``" ' < > \\ ^ ` { | }`` could end the link early, smuggle
    a label, markup or a heading after it, or hide where it leads: better no link
    than a wrong one. The webhook (:func:`safe_link`) and the nightly report
    (:func:`flows.report_format.md_link`) both keep to it.
    """
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    return all(c.isprintable() and c not in _NOT_IN_URL for c in url)  # isprintable: no space, control, format


def safe_link(url: str | None) -> str | None:
    """``url`` escaped for Slack when it is a :func:`plain_http_url`; else None (left out).

    After its host, ``( ) [ ] @`` are percent-encoded, as the nightly report's links do
    (:func:`flows.report_format.md_link`): Mattermost and Discord read markdown, where
    ``…/[x](https://elsewhere)`` is a label hiding another target. The host keeps its own
    (``user@``, ``[::1]``), and the link still leads where it did.
    """
    if url is None or not plain_http_url(url):
        return None
    netloc = urlsplit(url).netloc
    cut = url.index(netloc, url.index("//") + 2) + len(netloc) if netloc else len(url)
    link = url[:cut] + url[cut:].translate(_PATH_ESCAPES)
    return link.translate(_URL_ESCAPES)  # the link's own characters (_ ~) stay: it must still lead there
