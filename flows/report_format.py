"""How single values are written in the nightly report: escaped text, safe links, figures.

Review texts and source names are untrusted: :func:`md_escape` and
:func:`md_link` keep them from injecting markdown, HTML or links into the
Prefect UI. The figures (shares, ratings, week-over-week change) are written
the same way in the report and in ``umot run``'s table, rounded half up as the
weekly CSVs round them (:mod:`reporting.rounding`).
"""

from __future__ import annotations

import re

from flows.slack_text import plain_http_url
from reporting.rounding import figure_text

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")  # & too: "&lt;" written is "&lt;" shown, not "<"


def md_escape(text: object) -> str:
    """Text that renders as itself in markdown (one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_link(url: str | None, label: str = "link") -> str:
    """A markdown link when ``url`` is a :func:`~flows.slack_text.plain_http_url` (the webhook's rule); else ``""``.

    A space is written ``%20`` (as a browser sends it) and parentheses ``%28 %29``,
    so neither ends the link; any other character that is not a URL's (a newline,
    a tab, ``<``) means no link at all: it could start a heading or raw HTML after it.
    """
    if not url:
        return ""
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{label}]({safe})" if plain_http_url(safe) else ""


def percent(share: float | None) -> str:
    """A share as ``33%``; ``–`` when there is none (nothing labelled)."""
    return "–" if share is None else f"{figure_text(share * 100)}%"


def stars(value: float | None) -> str:
    """A rating as ``3.50``; ``–`` when there is none."""
    return "–" if value is None else figure_text(value, 2)


def change(current: float | None, previous: float | None, *, kind: str = "count") -> str:
    """Week-over-week change: ``+3``, ``-5 pts`` (shares), ``+0.20`` (ratings), ``+12.4 h`` (hours), ``new``."""
    if current is None and previous is None:
        return "–"
    if kind == "count" and not previous:
        return "new" if current else "–"
    if previous is None:
        return "–"
    if current is None:
        return "–"
    delta = current - previous
    if kind == "share":
        return f"{figure_text(delta * 100, sign=True)} pts"
    if kind == "rating":
        return figure_text(delta, 2, sign=True)
    if kind == "hours":
        return f"{figure_text(delta, 1, sign=True)} h"
    return figure_text(delta, sign=True)
