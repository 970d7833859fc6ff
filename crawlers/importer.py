"""Reading reviews exported from another tool (CSV or JSONL) into crawl-shaped rows.

The whole file is read and checked before anything is stored, so a bad row
stops the import with a message naming the file and line, and nothing from
that file is half-written. Columns (any case; extra columns go to ``extra``):

- ``text`` (required; ``review``, ``body``, ``content``, ``reviewBody`` accepted too)
- ``rating`` or ``stars`` (on ``scale``, default 5; 0 or empty = unrated)
- ``author``, ``title``, ``url``, ``language``
- ``date`` or ``published_at`` (any format dateparser reads)
- ``source`` (default ``import:<file name>``), ``id`` or ``external_id``

Parsing the file is ``crawlers.import_records``; a record's columns -> a row
(and every alias above) is ``crawlers.import_rows``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawlers.import_records import read_records
from crawlers.import_rows import ImportFileError, to_row


def read_review_file(path: Path, *, scale: float = 5, source: str | None = None) -> list[dict[str, Any]]:
    """Every review in ``path`` as a row for ``models.crud.upsert_reviews``; all checked first."""
    path = Path(path)
    if scale <= 1:
        raise ImportFileError(f"--scale must be above 1 (got {scale:g})")
    source = source or f"import:{path.name}"
    rows = [
        to_row(record, where=f"{path} line {number}", scale=scale, source=source)
        for number, record in read_records(path)
    ]
    if not rows:
        raise ImportFileError(f"{path}: no reviews in the file")
    return rows
