"""Labelled training files of several kinds, read into one form the 5-star head can learn from.

A brand mixes its own rated reviews with labelled mentions, so each file has
its own label scheme:

- ``stars``: 1-5 (half stars rounded), trained as 5-star classes;
- ``five``: 0-4 sentence sentiment (SST-5), read as 1-5 stars;
- ``three``: negative / neutral / positive words, trained on the aggregated
  probabilities p(1-2*), p(3*), p(4-5*);
- ``binary``: 0 / 1 polarity, trained on p(1-2*) against p(4-5*).

The scheme is detected from the column names and values, or stated. Every
label is checked: a value outside the scheme names the file and the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.data import DataError, file_format, read_rows

SCHEMES = ("stars", "five", "three", "binary")
STAR_COLUMNS = ("stars", "rating", "score")
LABEL_COLUMNS = ("label", "sentiment", "polarity")
THREE_WORDS = {"negative": 0, "neg": 0, "neutral": 1, "neu": 1, "positive": 2, "pos": 2}


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


def _label_column(path: Path, columns: list[str], stated: str | None) -> str:
    wanted = STAR_COLUMNS if stated == "stars" else LABEL_COLUMNS if stated else STAR_COLUMNS + LABEL_COLUMNS
    found = [c for c in columns if c.strip().lower() in wanted]
    if not found:
        raise DataError(f"{path}: no usable label column (expected one of {', '.join(wanted)}; "
                        f"columns: {', '.join(columns) or 'none'})")
    return found[0]


def detect_scheme(path: Path, column: str, values: list[object]) -> str:
    """The scheme of a label column, from its name and its values."""
    if column.strip().lower() in STAR_COLUMNS:
        return "stars"
    words = {str(v).strip().lower() for v in values}
    if words and words <= set(THREE_WORDS):
        return "three"
    if words and words <= {"0", "1"}:
        return "binary"
    if words and words <= {"0", "1", "2", "3", "4"}:
        return "five"
    shown = ", ".join(sorted(words)[:6])
    raise DataError(f"{path}: cannot tell the label scheme of column {column!r} (values: {shown}); "
                    f"state it with --scheme {path.name}=stars|five|three|binary")


def parse_label(value: object, scheme: str) -> int:
    """The normalised label of one cell; ``ValueError`` if the scheme has no such value."""
    text = "" if value is None else str(value).strip().lower()
    if scheme == "three":
        if text not in THREE_WORDS:
            raise ValueError("not one of negative, neutral, positive")
        return THREE_WORDS[text]
    number = float(text)
    if scheme == "stars":
        if not 1 <= number <= 5:
            raise ValueError("not within 1-5")
        return int(round(number + 1e-9)) - 1  # half stars round up (2.5 -> 3)
    top = 4 if scheme == "five" else 1
    if number != int(number) or not 0 <= number <= top:
        raise ValueError(f"not an integer within 0-{top}")
    return int(number)


def read_labelled_file(path: Path, scheme: str | None = None, text_column: str = "text") -> LabelledFile:
    """Read one training file; a bad file or row raises ``DataError`` naming it."""
    from nlp.text import clean_text

    if scheme is not None and scheme not in SCHEMES:
        raise DataError(f"{path}: unknown label scheme {scheme!r} (use {', '.join(SCHEMES)})")
    columns, rows = read_rows(path)
    if text_column not in columns:
        raise DataError(f"{path}: no {text_column!r} column (columns: {', '.join(columns) or 'none'})")
    if not rows:
        raise DataError(f"{path}: empty file (no rows)")
    column = _label_column(path, columns, scheme)
    scheme = scheme or detect_scheme(path, column, [r.get(column) for r in rows])
    offset = 2 if file_format(path) == "csv" else 1
    texts, labels = [], []
    for i, row in enumerate(rows):
        try:
            label = parse_label(row.get(column), scheme)
        except ValueError as exc:
            reason = str(exc) if "within" in str(exc) or "one of" in str(exc) else "not a number"
            raise DataError(f"{path}: row {i + offset}: {column} {row.get(column)!r} is {reason} "
                            f"(scheme {scheme})") from None
        text = clean_text(row.get(text_column))
        if text:
            texts.append(text)
            labels.append(label)
    if not texts:
        raise DataError(f"{path}: no row has text")
    return LabelledFile(path, scheme, texts, labels)
