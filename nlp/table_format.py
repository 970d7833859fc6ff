"""Which format a review table file holds, by its name, and the error every table reader and writer raises.

A malformed file must produce one line that names the file and the row: :class:`DataError`'s message
is that line, so callers print it as it is.
"""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """A file we cannot read; the message names the file and the row."""


def file_format(path: Path) -> str:
    """'csv' or 'jsonl' from the file name (``.gz`` allowed)."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    raise DataError(f"{path}: unknown format (expected .csv or .jsonl, optionally .gz)")
