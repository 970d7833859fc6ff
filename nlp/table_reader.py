"""Read review tables (CSV or JSONL, optionally gzip'd) with row-exact errors.

A malformed file must produce one line that names the file and the row, so the
readers check every row instead of letting a parser guess.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from core.text_encoding import UndecodableText, decode, file_bytes, open_text
from nlp.table_format import DataError, file_format

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # 100k-character reviews are legal


@dataclass
class Table:
    """A file's column names (file order), its rows, and the line each row starts on (1 = the first line):
    the number every row error names, so it is the line an editor shows whatever blank lines or quoted
    line breaks come before. ``blank``: the names given to a CSV's blank header cells (:func:`blank_names`)."""

    columns: list[str]
    rows: list[dict]
    lines: list[int]
    blank: list[str] = field(default_factory=list)


def read_rows(path: Path, encoding: str | None = None) -> tuple[list[str], list[dict]]:
    """All rows of a CSV/JSONL file as dicts, and the column names in file order."""
    table = read_table(path, encoding)
    return table.columns, table.rows


def read_table(path: Path, encoding: str | None = None) -> Table:
    """All rows of a CSV/JSONL file with the line each starts on, read in ``encoding`` (``--encoding``; a byte
    order mark wins, so Excel's UTF-8 and UTF-16 files keep the first column's name; else UTF-8)."""
    if not path.exists():
        raise DataError(f"{path}: no such file")
    fmt = file_format(path)
    try:
        with open_text(path, encoding) as f:
            return _read_csv(path, f) if fmt == "csv" else _read_jsonl(path, f)
    except UnicodeDecodeError:  # its position is within a chunk: the whole file is decoded again to name the line
        try:
            decode(file_bytes(path), path, encoding)
        except UndecodableText as exc:
            raise DataError(str(exc)) from None
        raise
    except (OSError, EOFError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None


def _read_csv(path: Path, f: TextIO) -> Table:
    reader = csv.reader(f, strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise DataError(f"{path}: empty file (a header row is required)")
        header = [h.strip() for h in header]
        if repeated := next((h for i, h in enumerate(header) if h and h in header[:i]), None):
            # each row is a dict by column name: the later column would silently replace the earlier
            raise DataError(f"{path} line 1: column {repeated!r} appears twice")
        header, blank = blank_names(header)
        rows, lines = [], []
        start = reader.line_num + 1  # a quoted field may span lines: a row starts after the last one ended
        for row in reader:
            if row and len(row) != len(header):
                raise DataError(f"{path}: row {start} has {len(row)} fields, the header has {len(header)}")
            if row:
                rows.append(dict(zip(header, row)))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"{path}: row {reader.line_num}: malformed CSV ({exc})") from None
    return Table(header, rows, lines, blank)


def blank_names(header: list[str]) -> tuple[list[str], list[str]]:
    """The header with each blank cell named by its position (``column_3``, a name the header does not
    hold already), and those names: rows are dicts by column name, so two blank cells kept only the
    last one's data (a pandas index column, notes beside the text). ``umot score`` writes them blank again."""
    taken, blank = set(header), []
    named = list(header)
    for i, name in enumerate(header):
        if not name:
            name = f"column_{i + 1}"
            while name in taken:
                name += "_"
            named[i] = name
            taken.add(name)
            blank.append(name)
    return named, blank


def _read_jsonl(path: Path, f: TextIO) -> Table:
    columns: dict[str, None] = {}
    rows, lines = [], []
    for number, line in enumerate(f, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            # exc.msg alone is cut short ("Invalid control character at"): add where, within the row
            where = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
            raise DataError(f"{path}: row {number}: invalid JSON ({where})") from None
        if not isinstance(row, dict):
            raise DataError(f"{path}: row {number}: expected a JSON object, got {type(row).__name__}")
        columns.update(dict.fromkeys(row))
        rows.append(row)
        lines.append(number)
    return Table(list(columns), rows, lines)


def not_text(value: object, column: str) -> str | None:
    """Why a JSON cell cannot be read as a text (an array or object), or None: such a cell is refused,
    not scored or trained on as its Python spelling."""
    kind = "array" if isinstance(value, list) else "object" if isinstance(value, dict) else None
    return f"{column} is a JSON {kind}, not text" if kind else None
