"""How long a name may be: what its column holds, read from the table definition.

Checked before anything is written, on every store: PostgreSQL would refuse an
over-long value mid-write with a traceback, SQLite would keep it whole. Brand,
source and user names, webhook URLs, import labels and triage notes use it.
"""

from __future__ import annotations

from typing import Any


class NameTooLongError(ValueError):
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


def shortened(name: str, keep: int = 24) -> str:
    """``name`` quoted, cut to ``keep`` characters and an ellipsis: an over-long name is named, not printed whole."""
    return repr(name if len(name) <= keep else name[:keep] + "…")
