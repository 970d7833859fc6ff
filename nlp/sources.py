"""Labelled training files of several kinds, read into one form the 5-star head can learn from.

Each file's label column is found, its scheme detected or stated
(:mod:`nlp.label_schemes`), and every label checked: a value outside the
scheme names the file and the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.data import DataError, not_text, read_table
from nlp.label_schemes import LABEL_COLUMNS, SCHEMES, STAR_COLUMNS, detect_scheme, parse_label

#: The columns ``umot score`` adds to each row, in order (umot.cli._scored_rows writes them): kept here because
#: a file it wrote is read back, by ``umot train`` too, where its ``label`` and ``stars`` are the model's guesses
SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons", "referral_intent", "themes", "stages", "primary_stage"]
KEPT_PREFIX = "input_"  # an input column named like an output is kept as input_<name> (input_input_<name>, ...)


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


def _unprefixed(column: str) -> str:
    while column.startswith(KEPT_PREFIX):
        column = column[len(KEPT_PREFIX):]
    return column


def own_columns(columns: list[str]) -> dict[str, str] | None:
    """In a file ``umot score`` wrote (its ``p_negative`` column), the columns of the file it was given, by the
    name they had there -> their column here (a reviewer's ``stars`` is kept as ``input_stars``); None for
    any other file. Each scoring appends :data:`SCORE_COLUMNS` (an earlier round's renamed ``input_...``):
    those blocks are peeled off from the end, so a file scored twice gives the model's first stars as no rating."""
    if "p_negative" not in columns:
        return None
    n = len(SCORE_COLUMNS)
    own = list(columns)
    while len(own) >= n and [_unprefixed(c) for c in own[-n:]] == SCORE_COLUMNS:
        own = own[:-n]
    names: dict[str, str] = {}
    for column in own:
        if column in SCORE_COLUMNS:  # outputs an edited file left out of their block: still the model's
            continue
        name = _unprefixed(column) if _unprefixed(column) in SCORE_COLUMNS else column
        names.setdefault(name, column)
    return names


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
                        "(input_stars, rating, ...); labels corrected by hand train once the p_negative, p_neutral and "
                        "p_positive columns are dropped")
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
