"""The one day/month order of an import file's numeric dates, decided before its rows are built.

A file's date format is the tool's that exported it (a US spreadsheet writes every
row month first), not each review's language: read row by row, ``03/05/2024`` was
5 March in an ``en`` row and 3 May in the ``de`` row below it. So every row's
``date`` and ``replied_at`` (and the id of a row without id and author,
``crawlers.import_ids``) is read in one order, the first of:

1. ``--date-order`` (``DMY``, ``MDY`` or ``YMD``, any case), unless a date of the file contradicts it
   (``13/05/2024`` with ``MDY``, ``05/13/2024`` with ``DMY``, a four-digit year written last with
   ``YMD``): dateparser would read such a date the other way round, so the file is refused
   naming the line, as it is when its dates show both orders;
2. what the file's numeric dates (``d/m/y``, ``d.m.y``, ``d. m. y``, ``d-m-y``; not ISO, not month
   names) show: a first number over 12 is day first (``13/05/2024``), a second one
   month first (``05/13/2024``); a file showing both is refused, naming both lines (no
   ``--date-order`` reads both: one of them would be swapped);
3. day first when one of them is dotted (``05.03.2024``: no locale writes that month first),
   the file's slashed dates too (a file mixing ``05.03.2024`` and ``05/03/2024`` read the one
   as 5 March and the other as 3 May);
4. the order of the languages the rows declare, when all that have one agree
   (``crawlers.extract.date_order``: ``de`` and ``en-GB`` day first, ``en`` month first);
5. month first (``MDY``), as a numeric date was always read without a language.

The order is always named, never left to the reader of each date: a dotted date read with no
order is day first (``crawlers.extract.date_order.text_order``), a slashed one month first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from crawlers.extract.date_order import ORDERS, date_order
from crawlers.import_columns import ImportFileError, pick

_FIRST = {"DMY": "day", "MDY": "month"}
_LABELS = {"published_at": "date", "replied_at": "replied_at"}
#: A numeric day-month-year or month-day-year date, its year written last (2 or 4 digits); not ISO.
_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d]|[./-]\d)")


def checked_order(value: str | None) -> str | None:
    """``--date-order`` as ``DMY``/``MDY``/``YMD`` (any case, trimmed); :class:`ImportFileError` if it is none."""
    if value is None:
        return None
    order = value.strip().upper()
    if order not in ORDERS:
        raise ImportFileError(f"--date-order {value!r} is not one of DMY, MDY, YMD")
    return order


def fits_both_orders(cell: object) -> bool:
    """Whether ``cell`` is a numeric date whose first two numbers could each be its month (``05/03/2024``):
    read day first and month first it names two days (``05/05/2024`` names one in both)."""
    match = _NUMERIC.search(cell) if isinstance(cell, str) else None
    return match is not None and 1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(3)) <= 12


def file_date_order(path: Path, records: Sequence[tuple[int, dict[str, Any]]], given: str | None = None) -> str:
    """The order every row of the file is read in (see the module docstring)."""
    order = checked_order(given)
    shown: dict[str, tuple[int, str]] = {}  # order -> (line, cell) of the first date showing it
    dotted = False
    for number, field, cell, match in _numeric_dates(path, records):
        dotted = dotted or match.group(2) == "."
        shows = _shown_order(match)
        if order is not None and (wrong := _contradiction(order, shows, match)) is not None:
            raise ImportFileError(f"{path} line {number}: {_LABELS[field]} {cell!r} {wrong}, not --date-order {order}")
        if shows is not None:
            shown.setdefault(shows, (number, cell))
    if order is not None:
        return order
    if len(shown) > 1:
        (a, a_cell, a_order), (b, b_cell, b_order) = sorted((line, cell, seen) for seen, (line, cell) in shown.items())
        raise ImportFileError(
            f"{path}: line {a}'s date {a_cell!r} is {_FIRST[a_order]} first but line {b}'s {b_cell!r} is "
            f"{_FIRST[b_order]} first; fix one of them (a file's dates are all read in one order)"
        )
    if shown:
        return next(iter(shown))
    if dotted:
        return "DMY"
    return _declared_order(path, records) or "MDY"


def _numeric_dates(path: Path, records: Sequence[tuple[int, dict[str, Any]]]) -> Iterator[tuple[int, str, str, re.Match[str]]]:
    """(line, field, cell, match) of every numeric date cell (``published_at``, ``replied_at``) of the file."""
    for number, record in records:
        for field in ("published_at", "replied_at"):
            cell = pick(record, field, f"{path} line {number}")
            match = _NUMERIC.search(cell) if isinstance(cell, str) else None
            if match is not None:
                yield number, field, cell, match


def _shown_order(match: re.Match[str]) -> str | None:
    """``DMY`` when the date's first number can only be its day, ``MDY`` when its second can; else None."""
    first, second = int(match.group(1)), int(match.group(3))
    if 12 < first <= 31 and 1 <= second <= 12:
        return "DMY"
    if 12 < second <= 31 and 1 <= first <= 12:
        return "MDY"
    return None


def _contradiction(order: str, shows: str | None, match: re.Match[str]) -> str | None:
    """How a numeric date contradicts the ``--date-order`` given (``is day first``), or None if it fits."""
    if order == "YMD":
        return "has its year last" if len(match.group(4)) == 4 else None
    return f"is {_FIRST[shows]} first" if shows is not None and shows != order else None


def _declared_order(path: Path, records: Sequence[tuple[int, dict[str, Any]]]) -> str | None:
    """The order of every language the rows declare (one :func:`date_order` knows), if they agree; else None."""
    orders = set()
    for number, record in records:
        cell = pick(record, "language", f"{path} line {number}")
        if isinstance(cell, str) and (order := date_order(cell.strip())) is not None:
            orders.add(order)
    return orders.pop() if len(orders) == 1 else None
