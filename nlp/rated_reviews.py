"""Star-rated review files for training and evaluation: (texts, stars 1-5), every row checked.

Apart from :mod:`nlp.data`, which reads and writes any review table, because
here a row without a usable star rating is an error that names its row (the
line it starts on, as every reader of ``nlp.data`` counts).
"""

from __future__ import annotations

import math
from pathlib import Path

from nlp.data import DataError, not_text, read_table
from nlp.text import clean_text


def text_problem(value: object, column: str) -> str | None:
    """Why a cell cannot be an evaluation text (a JSON array or object, or nothing to score), or None:
    a blank text scores as no stars, which the figures cannot count, so it is refused with its row."""
    if problem := not_text(value, column):
        return problem
    return None if clean_text(value) else f"{column} is blank (nothing to score)"


def read_labelled(path: Path, text_column: str = "text", stars_column: str = "stars") -> tuple[list[str], list[int]]:
    """(texts, stars 1-5) for training and evaluation; rows without text (blank too) or stars are errors.

    Half stars round up (2.5 -> 3), as training reads them (``nlp.label_schemes.parse_label``)."""
    table = read_table(path)
    for needed in (text_column, stars_column):
        if needed not in table.columns:
            raise DataError(f"{path}: no {needed!r} column (columns: {', '.join(table.columns)})")
    texts, stars = [], []
    for row, line in zip(table.rows, table.lines):
        value = row.get(stars_column)
        try:
            star = float(value) if value is not None and not isinstance(value, bool) else None
        except (TypeError, ValueError):
            star = None
        if star is None:
            raise DataError(f"{path}: row {line}: stars {value!r} is not a number")
        if not 1 <= star <= 5:
            raise DataError(f"{path}: row {line}: stars {value!r} is not within 1-5")
        if problem := text_problem(row.get(text_column), text_column):
            raise DataError(f"{path}: row {line}: {problem}")
        texts.append("" if row.get(text_column) is None else str(row.get(text_column)))
        stars.append(math.floor(star + 0.5))
    return texts, stars
