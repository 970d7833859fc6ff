"""The date and rating cells of an imported row as its content id covers them: one form per value.

A spreadsheet re-saving a file writes ``3`` as ``3.0`` and ``2024-03-05`` as ``3/5/2024``;
read as written, each such row would get a new id and be stored again. The most common forms
(``3``, ``2024-03-05``) are already these, so ids imports gave them before stay the same
(``crawlers.import_ids``). A numeric date that fits both day/month orders (``05/03/2024``) also has
its form in the order the file is not read in (:func:`order_keys`): an import in that order stored it so.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from crawlers.extract.dates import named_day
from crawlers.import_date_order import fits_both_orders

DAY_MONTH = ("DMY", "MDY")  # the orders a numeric date may be read in, either way
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?", re.IGNORECASE)


def rating_key(cell: object) -> object:
    """The rating cell as an id covers it: a whole number as its integer text (``3.0``, ``3,0``, JSON
    ``3.0``: ``3``), anything else as written."""
    if isinstance(cell, str) and _NUMBER.fullmatch(cell.strip()):
        number = float(cell.strip().replace(",", "."))
    elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
        number = float(cell)
    else:
        return cell
    return str(int(number)) if math.isfinite(number) and number.is_integer() else cell


def date_key(cell: object, *, date_order: str | None = None) -> object:
    """The date cell as an id covers it: a day with no time, its year written out (not "2 days ago",
    which moves), as ``YYYY-MM-DD`` (``3/5/2024``, in ``date_order``: the file's one order, ``DMY``/``MDY``/
    ``YMD``, never a row's language; None: as a crawl reads it without one); else as written."""
    day = named_day(cell, date_order)  # crawlers.extract.dates takes an order where it takes a language
    if day is None or not any(year in str(cell) for year in (str(day.year), f"{day.year % 100:02d}")):
        return cell
    return day.isoformat()


def order_keys(cell: object, key: object) -> dict[str, object]:
    """The date cell as an import reading the file in each of :data:`DAY_MONTH` gave its id: ``key`` (as this
    file's order reads it), but for a date naming a different day in each (``05/03/2024``), which an
    import in the other order (``crawlers.import_other_ids``) covered as that order's day."""
    if not isinstance(cell, str) or not fits_both_orders(cell):
        return dict.fromkeys(DAY_MONTH, key)
    return {order: _ordered_key(cell, order) for order in DAY_MONTH}


@lru_cache(maxsize=4096)
def _ordered_key(cell: str, order: str) -> object:
    """:func:`date_key` of a numeric date in ``order``, once per date: a file repeats its days."""
    return date_key(cell, date_order=order)
