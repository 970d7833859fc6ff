"""Numbers sent in a URL (page numbers, ids), read however many digits they have.

Python's ``int()`` refuses a string of more than 4,300 digits (ValueError): a
``?page=`` or ``?brand=`` that long answered 500, and a path id 400. Every number
the app reads from a request goes through :func:`capped`, which never hands
``int()`` more digits than its ceiling has: a longer number is the ceiling.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator

from models.crud.triage.changes import MAX_ID  # a bigger id names nothing and must not reach the driver (a 500)

PAST_ANY_ID = MAX_ID + 1  # what a longer id reads as: no row has it, so its page answers 404


def capped(raw: str, ceiling: int) -> int | None:
    """The number ``raw`` spells in ASCII digits, at most ``ceiling``; None when it is not such a number.

    "²" is a digit to ``str.isdigit`` and leading zeros don't count towards the length.
    """
    if not (raw.isascii() and raw.isdigit()):
        return None
    digits = raw.lstrip("0") or "0"
    return ceiling if len(digits) > len(str(ceiling)) else min(int(digits), ceiling)


def _path_id(value: object) -> object:
    """A path id of many digits (a minus sign too) as one past any id; anything else left to ``int``'s check."""
    if isinstance(value, str):
        number = capped(value.removeprefix("-"), PAST_ANY_ID)
        if number is not None:
            return -number if value.startswith("-") else number
    return value


#: A path parameter's id: ``/flags/<5,000 digits>`` answers 404 like any id that names no row.
PathId = Annotated[int, BeforeValidator(_path_id)]
