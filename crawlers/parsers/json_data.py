"""Reading the JSON sites answer with: a parse error that names the body, and lookups that never crash.

Site formats change without notice; a missing key or a value of another type
must read as ``None`` (and a body that is not JSON as a :class:`ParseError`
saying which body), so a parser reports what it could not find instead of failing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crawlers.parsers.common import ParseError


def load_json(body: bytes | str, what: str = "response") -> Any:
    """Parse JSON or raise :class:`ParseError` naming what could not be read."""
    try:
        return json.loads(body)
    except (ValueError, TypeError) as exc:
        raise ParseError(f"{what} is not valid JSON ({exc})") from None


def dig(data: Any, *path: Any) -> Any:
    """``data[p0][p1]...`` or ``None`` when any step is missing or of the wrong type."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def walk_dicts(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict inside a parsed JSON value, depth first (the value itself first)."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk_dicts(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk_dicts(child)
