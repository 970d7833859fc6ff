"""The records of an import file (CSV/TSV or JSONL, optionally .gz), each with the line it starts on.

Every way a file can be unreadable (not in its encoding, empty, malformed CSV, no header, a
column named twice or no text column; a JSONL file's are ``crawlers.import_json``'s)
is an :class:`ImportFileError` naming the file and line, so the user can fix it; the
records themselves are checked by ``crawlers.import_rows``. A file ``umot score`` wrote is read by the
columns of the file it scored (:func:`own_record`): its label, stars, p_*, language... are the model's, not a
reviewer's, and a reviewer's value it kept as ``input_stars`` is read as ``stars``.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.scored_file import own_columns
from core.text_encoding import UndecodableText, decode, file_bytes
from crawlers.import_columns import ALIASES, ImportFileError, named_twice
from crawlers.import_json import json_records

# A text longer than csv's 128 KiB field limit is cut by the store (UMOT_MAX_REVIEW_CHARS), not refused.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_records(path: Path, encoding: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each review in a CSV/TSV or JSONL file, read in ``encoding`` (``--encoding``;
    a byte order mark wins, else UTF-8: ``core.text_encoding``)."""
    name = path.name.lower().removesuffix(".gz")
    try:
        content = decode(file_bytes(path), path, encoding)
    except OSError as exc:  # gzip's BadGzipFile is one
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except EOFError as exc:  # a gzip file cut short
        raise ImportFileError(f"{path}: cannot read ({exc})") from None
    except UndecodableText as exc:
        raise ImportFileError(str(exc)) from None
    if not content.strip():
        raise ImportFileError(f"{path}: the file is empty")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        owns: dict[tuple[str, ...], dict[str, str] | None] = {}  # one look per set of keys, not per line
        for number, record in json_records(path, content):
            keys = tuple(record)
            if keys not in owns:
                owns[keys] = own_columns(list(keys))
            yield number, own_record(record, owns[keys])
        return
    yield from _csv_records(path, content)


def _csv_records(path: Path, content: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of a CSV/TSV file: the number is the line the record STARTS on (a quoted
    field may hold line breaks); a header naming a column twice is refused (a dict keeps only one)."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=_delimiter(path, content), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise ImportFileError(f"{path}: no header row")
        own = own_columns(header)
        names = list(own) if own is not None else header  # a scored file's outputs are no columns of its own
        columns = {c.strip().lower() for c in names if c}
        if twice := named_twice(names):
            raise ImportFileError(f"{path} line 1: {twice}")
        if not columns & set(ALIASES["text"]):
            raise ImportFileError(
                f"{path}: no text column (expected one of: {', '.join(ALIASES['text'])}; "
                f"found: {', '.join(sorted(columns))})"
            )
        start = reader.line_num + 1
        for row in reader:
            if row:  # a blank line is no record
                if len(row) > len(header):
                    raise ImportFileError(f"{path} line {start}: more fields than the header has")
                record: dict[str, Any] = dict.fromkeys(header)  # a short row: None in the rest, as DictReader
                record.update(zip(header, row))
                yield start, own_record(record, own)
            start = reader.line_num + 1
    except csv.Error as exc:  # the line the parser stopped on (an unclosed quote: where the file ends)
        raise ImportFileError(f"{path} line {reader.line_num}: malformed CSV ({exc})") from None


def own_record(record: dict[str, Any], own: dict[str, str] | None) -> dict[str, Any]:
    """``record`` by the names ``own`` gives (``core.scored_file.own_columns``: a scored file's input columns,
    ``input_stars`` as ``stars``), the model's outputs left out; as it is where ``own`` is None (no scored file)."""
    return record if own is None else {name: record[column] for name, column in own.items()}


def _delimiter(path: Path, content: str) -> str:
    """The delimiter (comma, semicolon or tab) guessed from the first lines.

    Only the delimiter is sniffed: quoting stays RFC 4180 (``"`` doubled inside
    quotes), since a sniffed dialect guesses quoting from the sample and then
    misreads ``""`` or an unterminated quote further down.
    """
    try:
        return csv.Sniffer().sniff(content[:8192], delimiters=",;\t").delimiter
    except csv.Error:
        return "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
