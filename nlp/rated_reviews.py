"""Star-rated review files for training and evaluation: (texts, stars 1-5), every row checked.

Apart from :mod:`nlp.data`, which reads and writes any review table, because
here a row without a usable star rating is an error that names its row.
"""

from __future__ import annotations

from pathlib import Path

from nlp.data import DataError, file_format, read_rows


def read_labelled(path: Path, text_column: str = "text", stars_column: str = "stars") -> tuple[list[str], list[int]]:
    """(texts, stars 1-5) for training and evaluation; rows without text or stars are errors."""
    columns, rows = read_rows(path)
    for needed in (text_column, stars_column):
        if needed not in columns:
            raise DataError(f"{path}: no {needed!r} column (columns: {', '.join(columns)})")
    texts, stars = [], []
    offset = 2 if file_format(path) == "csv" else 1
    for i, row in enumerate(rows):
        value = row.get(stars_column)
        try:
            star = float(value) if value is not None else None
        except (TypeError, ValueError):
            star = None
        if star is None:
            raise DataError(f"{path}: row {i + offset}: stars {value!r} is not a number")
        if not 1 <= star <= 5:
            raise DataError(f"{path}: row {i + offset}: stars {value!r} is not within 1-5")
        texts.append("" if row.get(text_column) is None else str(row.get(text_column)))
        stars.append(int(round(star)))
    return texts, stars
