"""Labelled training files of several kinds, read into one form the 5-star head can learn from.

Each file's label column is found, its scheme detected or stated
(:mod:`nlp.label_schemes`), and every label checked: a value outside the
scheme names the file and the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.scored_file import own_columns
from nlp.data import DataError, not_text, read_table
from nlp.label_schemes import LABEL_COLUMNS, SCHEMES, STAR_COLUMNS, detect_scheme, parse_label


@dataclass
class LabelledFile:
    """One file's non-empty rows: texts and labels normalised per scheme.

    ``labels``: star index 0-4 (stars, five), 0/1/2 (three) or 0/1 (binary).
    """

    path: Path
    scheme: str
    texts: list[str]
    labels: list[int]

    @property
    def name(self) -> str:
        return self.path.name


def _label_column(path: Path, columns: list[str], stated: str | None) -> tuple[str, str]:
    """The column holding the labels: a star column for ``stars``, a label column for the other schemes;
    a stated scheme takes the other kind where its own is absent (a ``label`` column of 1-5 stars).
    In a file umot score wrote, only the columns of the file it read count (``input_stars``: the reviewer's).
    Returns (the column, its name as the file scored had it: ``stars`` for ``input_stars``)."""
    preferred = STAR_COLUMNS if stated in (None, "stars") else LABEL_COLUMNS
    other = LABEL_COLUMNS if preferred is STAR_COLUMNS else STAR_COLUMNS
    own = own_columns(columns)
    names = own if own is not None else {c: c for c in columns}
    for wanted in (preferred, other) if stated else (preferred + other,):
        found = [(column, name) for name, column in names.items() if name.strip().lower() in wanted]
        if found:
            return found[0]
    if own is not None:
        raise DataError(f"{path}: written by umot score: its label and stars columns are the model's "
                        "predictions, not labels to train on, and it kept no rating of the reviewers' own "
                        "(input_stars, rating, ...); labels corrected by hand train once its p_negative, confidence and "
                        "detractor columns are dropped")
    raise DataError(f"{path}: no usable label column (expected one of {', '.join(STAR_COLUMNS + LABEL_COLUMNS)}; "
                    f"columns: {', '.join(columns) or 'none'})")


def read_labelled_file(path: Path, scheme: str | None = None, text_column: str = "text",
                       encoding: str | None = None) -> LabelledFile:
    """Read one training file (in ``encoding`` when it has no byte order mark, else UTF-8); a bad file or row
    raises ``DataError`` naming it (rows by the line they start on)."""
    from nlp.text import clean_text

    if scheme is not None and scheme not in SCHEMES:
        raise DataError(f"{path}: unknown label scheme {scheme!r} (use {', '.join(SCHEMES)})")
    table = read_table(path, encoding)
    columns, rows = table.columns, table.rows
    if not rows:  # first: an empty JSONL file has no columns either, and "no 'text' column" misled
        raise DataError(f"{path}: empty file (no rows)")
    if text_column not in columns:
        raise DataError(f"{path}: no {text_column!r} column (columns: {', '.join(columns) or 'none'})")
    column, name = _label_column(path, columns, scheme)
    if scheme is None:
        scheme = "stars" if name.strip().lower() in STAR_COLUMNS else detect_scheme(path, column, [r.get(column) for r in rows])
    texts, labels = [], []
    for row, line in zip(rows, table.lines):
        try:
            label = parse_label(row.get(column), scheme)
        except ValueError as exc:
            raise DataError(f"{path}: row {line}: {column} {row.get(column)!r} {exc} (scheme {scheme})") from None
        if problem := not_text(row.get(text_column), text_column):
            raise DataError(f"{path}: row {line}: {problem}")
        text = clean_text(row.get(text_column))
        if text:
            texts.append(text)
            labels.append(label)
    if not texts:
        raise DataError(f"{path}: no row has text")
    return LabelledFile(path, scheme, texts, labels)
