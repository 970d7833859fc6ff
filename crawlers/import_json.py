"""The records of a JSONL import file (one JSON object a line), each with its line number.

A line that is not one JSON object, an object naming a column twice (``"rating"`` twice, or
``"Rating"`` and ``"rating"``: json keeps the last silently, and a CSV header doing so is
refused too) or a lone surrogate such as ``\\ud800`` in it (UTF-8 cannot store it) is an
:class:`ImportFileError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.text_encoding import LINE_BREAK
from crawlers.import_columns import ImportFileError, named_twice

_SURROGATE = re.compile("[\ud800-\udfff]")  # what json.loads makes of a lone "\\ud800" escape


def json_records(path: Path, content: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of each non-blank line of ``content``, read from ``path``."""
    # not str.splitlines: it also splits at U+2028 or U+0085 (latin-1's byte 0x85), legal in a JSON string
    for number, line in enumerate(LINE_BREAK.split(content), start=1):
        if not line.strip():
            continue
        try:
            record, twice = _decoded(line)
        except ValueError as exc:
            raise ImportFileError(f"{path} line {number}: not valid JSON ({exc})") from None
        if not isinstance(record, dict):
            raise ImportFileError(f"{path} line {number}: expected a JSON object per line")
        if twice is not None:
            raise ImportFileError(f"{path} line {number}: {twice}")
        bad = _lone_surrogate(record)
        if bad is not None:
            raise ImportFileError(f"{path} line {number}: {bad}: not valid Unicode text")
        yield number, record


def _decoded(line: str) -> tuple[Any, str | None]:
    """The line's JSON value, and how its own object names a column twice (nested objects, kept in
    ``extra`` as written, may), else None."""
    repeats: list[str | None] = []  # one per object, the line's own decoded last

    def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        repeats.append(named_twice([key for key, _ in pairs]))
        return dict(pairs)

    value = json.loads(line, object_pairs_hook=_object)
    return value, repeats[-1] if isinstance(value, dict) else None


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    """``'text' holds a lone surrogate (\\ud800)``: the first one (UTF-8 cannot store it) in a field, nested or not."""
    for field, value in record.items():
        pending: list[Any] = [field, value]
        while pending:
            item = pending.pop()
            if isinstance(item, str):
                if bad := _SURROGATE.search(item):
                    return f"{field!r} holds a lone surrogate (\\u{ord(bad.group(0)):04x})"
            elif isinstance(item, dict):
                pending.extend(item.keys())
                pending.extend(item.values())
            elif isinstance(item, list):
                pending.extend(item)
    return None
