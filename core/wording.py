"""Counts in messages that read right for every number (``1 review``, ``2 reviews``).

Shared by the CLI's lines, the nightly report and the webhook messages, which
all count reviews, detractors and sources.
"""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 review`` / ``2 reviews`` (``words``: the plural where it is not ``word + "s"``)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
