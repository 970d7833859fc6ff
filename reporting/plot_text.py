"""User text (brand names) in the PNG charts, shown as written.

Matplotlib reads text between two ``$`` as mathtext: "Dollar$ & Sen$e" came out
in math italics, and "Money$ave #1 $hop" stopped the whole weekly export with a
``ParseException``. Escaped as ``\\$``, no ``$`` opens math, so the other
mathtext characters (``\\ ^ _ { } %``) stay plain text too, and matplotlib turns
each ``\\$`` back into ``$`` when it draws (a name's own ``\\$`` included).
A legend built from the axes skips labels that start with ``_``: the charts
hand their lines to ``legend(handles=...)``, which keeps every label.
"""

from __future__ import annotations


def plot_text(text: str) -> str:
    """``text`` for a matplotlib label or title: drawn exactly as written, never as mathtext."""
    return text.replace("$", r"\$")
