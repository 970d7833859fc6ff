"""Write review tables (CSV or JSONL, optionally gzip'd, by file name), all or nothing."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TextIO

from core.atomic_file import atomic_write
from nlp.table_format import file_format


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[dict], header: Sequence[str] | None = None) -> None:
    """Write rows as CSV (lists joined with '; ') or JSONL, by file name; a CSV's header row is
    ``header`` where given (blank cells as read: :attr:`nlp.table_reader.Table.blank`), else ``columns``.

    All or nothing (:func:`core.atomic_file.atomic_write`): a write that fails (a full disk) leaves the
    file that was there, even when ``path`` is the file the rows were read from."""
    fmt = file_format(path)
    with atomic_write(path, binary=True) as raw, _text_writer(path, raw) as f:
        if fmt == "csv":
            writer = csv.writer(f)
            writer.writerow(columns if header is None else header)
            for row in rows:
                writer.writerow([_csv_cell(row.get(c)) for c in columns])
        else:
            for row in rows:
                f.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")


@contextmanager
def _text_writer(path: Path, raw: IO[bytes]) -> Iterator[TextIO]:
    """UTF-8 text onto ``raw``, gzip'd for a ``.gz`` name (its header names ``path``, not the temporary
    file); ``raw`` is left open for :func:`atomic_write` to sync and rename."""
    packed = gzip.GzipFile(filename=path.name, mode="wb", fileobj=raw) if path.name.lower().endswith(".gz") else None
    text = io.TextIOWrapper(packed or raw, encoding="utf-8", newline="")
    yield text
    text.flush()
    text.detach()  # closing it would close raw
    if packed is not None:
        packed.close()  # the gzip trailer; a GzipFile given a fileobj leaves it open
