"""The file a crawl writes its reviews to (``umot crawl -o``, ``CRAWL_OUTPUT``): its format, from its name.

``.jsonl``: one JSON object per line; ``.csv``: a header row and one row per
review, the columns ``umot score`` and ``umot import`` read (``extra`` as JSON text);
``.gz`` after either: gzip'd. Any other name is refused before a crawl starts.
A crawl writes ``NAME.partial.SUFFIX`` first and renames it over ``NAME.SUFFIX`` only
once it succeeded (:mod:`crawlers.pipelines.file_output`), so a failed crawl never
empties the file an earlier crawl wrote.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawlers.items import REVIEW_FIELDS

_KINDS = {".jsonl": "jsonl", ".csv": "csv"}  # what umot score and umot import read back
SUPPORTED = ".jsonl or .csv, each optionally followed by .gz"


class OutputFormatError(ValueError):
    """A file name that says no format a crawl writes."""


@dataclass(frozen=True)
class OutputFormat:
    """What a name asks for: ``jsonl`` or ``csv``, gzip'd or not, and the suffix that says so."""

    kind: str
    gzip: bool
    suffix: str  # as written: ".jsonl", ".CSV.gz"


def output_format(path: Path | str) -> OutputFormat:
    """The format ``path``'s name asks for; :class:`OutputFormatError` (naming the file) for any other name."""
    name = Path(path).name
    gz = name.lower().endswith(".gz")
    base = Path(name[: -len(".gz")] if gz else name).suffix
    kind = _KINDS.get(base.lower())
    if kind is None:
        raise OutputFormatError(f"{path}: cannot tell what to write from the name (use {SUPPORTED})")
    return OutputFormat(kind, gz, name[len(name) - len(base) - (3 if gz else 0):])


def partial_path(path: Path) -> Path:
    """Where a crawl writes before it is known to succeed: ``keep.jsonl.gz`` -> ``keep.partial.jsonl.gz``."""
    suffix = output_format(path).suffix
    return path.with_name(f"{path.name[: -len(suffix)]}.partial{suffix}")


def _csv_cell(value: Any) -> Any:
    """A CSV cell ``umot import`` reads back: empty for None, JSON for ``extra``, true/false for flags."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


class ReviewWriter:
    """Review rows to ``path`` (replaced) in the format ``fmt``; ``name``: the file the gzip header names."""

    def __init__(self, path: Path, fmt: OutputFormat, name: Path | None = None):
        self.fmt = fmt
        self.raw = path.open("wb")
        # gunzip -N restores the output's name, not the partial file's
        binary = gzip.GzipFile(str(name or path), "wb", fileobj=self.raw) if fmt.gzip else self.raw
        # newline="": csv writes its own line ends, JSON lines end in "\n" on every OS
        self.file = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        self.csv = csv.writer(self.file) if fmt.kind == "csv" else None
        if self.csv is not None:
            self.csv.writerow(REVIEW_FIELDS)

    def write(self, row: dict[str, Any]) -> None:
        if self.csv is not None:
            self.csv.writerow([_csv_cell(row.get(name)) for name in REVIEW_FIELDS])
        else:
            self.file.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        if not self.fmt.gzip:  # a killed crawl keeps every line so far (a gzip stream is unreadable without its end)
            self.file.flush()

    def close(self) -> None:
        self.file.close()  # a GzipFile leaves the file it was given open
        self.raw.close()
