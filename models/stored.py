"""The id of a row the store has written, typed ``int``.

SQLModel types every autoincrement key ``int | None`` because a new row has no
id until it is flushed. Rows read from the store, or flushed by a crud helper,
always have one; :func:`stored_id` says so to the type checker and refuses, with
a clear message, a row that was never written (a bug, not bad input).
"""

from __future__ import annotations

from typing import Protocol


class _Keyed(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Keyed) -> int:
    """``row.id`` of a row the store has written; ``ValueError`` for one it has not."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it was never written to the store")
    return row.id
