"""One maximum review-text length for every way a text comes in (``UMOT_MAX_REVIEW_CHARS``).

A crawled detail page, an imported file or a file given to ``umot score`` can
hold a "review" of megabytes (a page dump, a pasted log). Stored whole it
bloats the store, the triage page and every export; scored whole it costs
seconds of tokenising for 256 tokens read. Texts longer than the limit keep
their head and tail (what the model reads: it takes a long text's first and
last tokens) with a marker saying how much was cut in between.
"""

from __future__ import annotations

#: The default of ``UMOT_MAX_REVIEW_CHARS``: ~3,500 words, far beyond any real review.
DEFAULT_MAX_REVIEW_CHARS = 20_000
MARKER = "\n[… {cut:,} characters cut …]\n"


def cut_text(text: str, limit: int) -> tuple[str, int]:
    """``text`` within ``limit`` characters, and how many were cut (0: it was short enough).

    Keeps two thirds of the room for the head and one third for the tail.
    """
    if len(text) <= limit:
        return text, 0
    marker = MARKER.format(cut=len(text))  # the longest the marker can be
    room = max(0, limit - len(marker))
    head, tail = room * 2 // 3, room - room * 2 // 3
    cut = len(text) - head - tail
    return text[:head] + MARKER.format(cut=cut) + (text[len(text) - tail:] if tail else ""), cut


def cut_reason(cut: int, limit: int) -> str:
    """The reason recorded for a cut text (the scorer's reasons, the import summary)."""
    return f"text cut to UMOT_MAX_REVIEW_CHARS={limit:,} characters ({cut:,} left out)"
