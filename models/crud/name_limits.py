"""How long a name may be (what its column holds, read from the table definition),
and which characters it may not hold.

Checked before anything is written, on every store: PostgreSQL would refuse an
over-long value mid-write with a traceback, SQLite would keep it whole. Brand,
source and user names, webhook URLs, import labels and triage notes use it.
A line break or other control character in a name would split the lines that
list it (``umot brands list``) and make two names look alike; an invisible one
(a zero-width space, a right-to-left override) would hide it or turn it round.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from models.identity import brand_key

#: Unicode categories no name may hold: control characters (tab, newline, ...), line and paragraph separators.
CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
#: The format characters no name may hold: bidi embeddings, overrides and isolates, which make a name read
#: backwards ("\u202eemca"). Other invisible ones pass (a right-to-left mark copied with a Hebrew name, a soft
#: hyphen, emoji joiners and flag tags); ``brand_key`` ignores them, so they make no look-alike brand.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class BadNameError(ValueError):
    """A name the store must not hold (too long, or a control character in it): refused before anything is written."""


class NameCharacterError(BadNameError):
    """A name with a control character or line break in it."""


class NameTooLongError(BadNameError):
    """A name longer than its column holds: refused before anything is written, on every store
    (PostgreSQL would refuse it mid-write with a traceback; SQLite would keep it whole)."""


def column_limit(column: Any) -> int | None:
    """The most characters ``column`` holds, read from its table definition (None: no limit)."""
    return getattr(column.type, "length", None)


def check_length(value: str, column: Any, what: str, error: type[NameTooLongError] = NameTooLongError) -> str:
    """``value`` when ``column`` holds it, else ``error`` saying ``what`` it is, its length and the limit."""
    limit = column_limit(column)
    if limit is not None and len(value) > limit:
        raise error(f"{what} is {len(value)} characters long; at most {limit}")
    return value


def check_characters(value: str, what: str, error: type[NameCharacterError] = NameCharacterError) -> str:
    """``value`` when it is one line of visible text, else ``error`` saying ``what`` it is: no control
    character or line break, no bidi control (:data:`BIDI_CONTROLS`), and something visible (``brand_key`` not
    empty: "\u200b" and "\u2060" were one brand no one could see)."""
    bad = next((c for c in value if unicodedata.category(c) in CONTROL_CATEGORIES), None)
    if bad is not None:
        raise error(f"{what} holds a control character ({ascii(bad)[1:-1]}): names are one line of text")
    bad = next((c for c in value if c in BIDI_CONTROLS), None)
    if bad is not None:
        raise error(f"{what} holds a text direction control ({ascii(bad)[1:-1]}): names read as written")
    if value and not brand_key(value):
        raise error(f"{what} has no visible character: names are visible text")
    return value


def shortened(name: str, keep: int = 24) -> str:
    """``name`` quoted, cut to ``keep`` characters and an ellipsis: an over-long name is named, not printed whole."""
    return repr(name if len(name) <= keep else name[:keep] + "…")
