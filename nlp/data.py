"""Review tables (CSV or JSONL, optionally gzip'd) with row-exact errors: the one name callers import from.

The work is split by job: :mod:`nlp.table_format` (a file's format by name, :class:`DataError`),
:mod:`nlp.table_reader` (reading every row, checked) and :mod:`nlp.table_writer` (writing, all or nothing).
"""

from __future__ import annotations

from nlp.table_format import DataError, file_format
from nlp.table_reader import Table, blank_names, not_text, read_rows, read_table
from nlp.table_writer import write_rows

__all__ = ["DataError", "Table", "blank_names", "file_format", "not_text", "read_rows", "read_table", "write_rows"]
