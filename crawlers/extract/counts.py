"""How many reviews or ratings an ``AggregateRating`` counts: a whole number, thousands separators and all.

A count has no decimals, so ``,`` and ``.`` between groups of three digits, and normal,
no-break and thin spaces, are thousands separators: ``"1,234"`` and ``"2.345"`` are 1234
and 2345 (read as ratings, with ``,`` as a decimal point, they were 1 and 2). A value that
is not a whole number (``"4.5"``, ``"1,5"``) is no count.
"""

from __future__ import annotations

import re

_SEPARATORS = ".,\u00a0\u202f\u2009 "
# the first number in the text, its digit groups and separators together ("1,234", "1 234 reviews")
_NUMBER = re.compile(rf"(?<![\d-])(?<!\d[.,])\d+(?:[{_SEPARATORS}]\d+)*(?!\d|[.,]\d)")
_GROUPED = re.compile(rf"\d{{1,3}}(?P<sep>[{_SEPARATORS}])\d{{3}}(?:(?P=sep)\d{{3}})*")


def parse_count(value: object) -> int | None:
    """``12`` / ``"1,234"`` / ``"2.345"`` / ``"1 234 reviews"`` -> int; None unless a whole number is there."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, dict):  # {"@value": "12"} from RDFa/JSON-LD expansion
        return parse_count(value.get("@value"))
    if isinstance(value, (list, tuple)):
        return parse_count(value[0]) if value else None
    match = _NUMBER.search(str(value))
    if match is None:
        return None
    digits = match.group(0)
    if digits.isdigit():
        return int(digits)
    return int(re.sub(r"\D", "", digits)) if _GROUPED.fullmatch(digits) else None
