"""Table cells of text a review's writer or a user typed, made safe for a terminal.

A review is anyone's text: an ESC in it (``\\x1b[2J`` clears the screen, ``\\x1b]52;c;...\\x07``
writes the triager's clipboard), a C1 control or a bidi override would reach the terminal as a
command, not as text, when ``umot detractors list`` or ``umot advocates list`` prints it. Rich
passes them through; here every control character (Unicode category C) becomes a visible
U+FFFD, and a line break or tab a space (one line per cell). Zero-width joiners stay: emoji are
built with them. Unassigned and private-use code points are no control and stay too.
"""

from __future__ import annotations

import unicodedata

REPLACEMENT = "\ufffd"
SPACES = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")  # would break the line or the cell
KEEP = frozenset("\u200c\u200d")  # zero-width (non-)joiner: emoji and Persian or Hindi writing are built with them
HARMLESS = ("Cn", "Co")  # unassigned (an emoji newer than Python's tables) and private use: no control


def _cell_char(char: str) -> str:
    if char in SPACES:
        return " "
    category = unicodedata.category(char)
    return char if category[0] != "C" or category in HARMLESS or char in KEEP else REPLACEMENT


def clean_cell(text: str | None) -> str:
    """``text`` with its control characters replaced (``None``: empty)."""
    if not text:
        return ""
    if text.isprintable():  # no category C character (the common case): as it is
        return text
    return "".join(map(_cell_char, text))
