"""The SQL a block of code sends: for tests that pin how many queries a store call costs, or what they look like.

Seven test files each wrote out their own ``before_cursor_execute`` listener for this; they share this one.
The recorder keeps every statement as sent, and :func:`beginning_with` picks out one kind (``"SELECT"``,
``"UPDATE review"``), so each test filters where it asserts and shows what it counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, event


@contextmanager
def recorded_sql(bind: Engine | Connection) -> Iterator[list[str]]:
    """Every statement ``bind`` sends inside the block, in order (an executemany is one).

    The listener is removed on the way out, the block raising or not, so a later test on the same
    engine (engines are cached by URL) is never counted here.
    """
    sent: list[str] = []

    def keep(conn: object, cursor: object, statement: str, *args: object) -> None:
        sent.append(statement)

    event.listen(bind, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(bind, "before_cursor_execute", keep)


def beginning_with(statements: list[str], words: str) -> list[str]:
    """The statements that begin with ``words``, case and leading whitespace aside."""
    start = words.upper()
    return [s for s in statements if s.lstrip().upper().startswith(start)]
