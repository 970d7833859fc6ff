"""One crawl-row value at a time, made fit for its review column.

Sites give anything: numbers as strings with a decimal comma, ids longer than
the column, NUL characters PostgreSQL refuses, ``extra`` data JSON cannot hold.
Each function here turns one such value into what the column accepts, or
``None``, so that a messy row is stored as well as it can be instead of failing
the batch. :func:`models.schemas.normalize_review_row` applies them to a row.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

NO_EXTRA: dict[str, Any] = {}  # one shared (never mutated) empty dict, so bulk inserts convert it once


def clean_str(value: Any) -> str:
    """``str`` without NUL characters (PostgreSQL refuses them in text)."""
    text = str(value)
    return text.replace("\x00", "") if "\x00" in text else text


def cut_str(value: Any, length: int) -> str | None:
    """Clean, trimmed text cut to ``length``; ``None`` for nothing or only blanks."""
    if value is None:
        return None
    text = clean_str(value).strip()
    return text[:length] if text else None


def as_number(value: Any) -> float | None:
    """A finite float (``"4,5"`` reads as 4.5); ``None`` for booleans, words, NaN and infinities."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def fit_external_id(value: Any) -> str | None:
    """The site's id as text that fits its column; ``None`` when the site gave none."""
    if value is None:
        return None
    text = clean_str(value).strip()
    if len(text) > 300:  # keep identity, fit the column
        return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()
    return text or None


def json_safe_extra(value: Any) -> dict[str, Any]:
    """``extra`` as a JSON-safe dict (a non-dict is kept under ``"value"``); :data:`NO_EXTRA` when empty."""
    if not value:
        return NO_EXTRA
    if not isinstance(value, dict):
        value = {"value": value}
    # JSON-safe, or the insert fails later: NaN and ±Infinity (a JSONL file may hold them; PostgreSQL's json
    # refuses them) read back as null
    safe: dict[str, Any] = json.loads(json.dumps(value, default=str), parse_constant=lambda _: None)
    return safe  # (a dict dumped to JSON reads back as one)
