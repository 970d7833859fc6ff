"""The label schemes of training files, and how each one's cells are read.

Kept apart from reading the files (:mod:`nlp.sources`): what a label means does
not depend on where it was read, and the CLI lists the schemes without reading
a file. A brand mixes its own rated reviews with labelled mentions, so each
file has its own scheme:

- ``stars``: 1-5 (half stars rounded), trained as 5-star classes;
- ``five``: 0-4 sentence sentiment (SST-5), read as 1-5 stars;
- ``three``: negative / neutral / positive words (or 0 / 1 / 2, as TweetEval; 0.0 / 1.0 / 2.0 too),
  trained on the aggregated probabilities p(1-2*), p(3*), p(4-5*);
- ``binary``: 0 / 1 polarity, trained on p(1-2*) against p(4-5*).

The scheme is detected from the column names and values, or stated (0/1/2 fit
both ``five`` and ``three``: such a file is refused until its scheme is stated).
"""

from __future__ import annotations

import math
from pathlib import Path

from nlp.data import DataError

SCHEMES = ("stars", "five", "three", "binary")
STAR_COLUMNS = ("stars", "rating", "score")
LABEL_COLUMNS = ("label", "sentiment", "polarity")
THREE_WORDS = {"negative": 0, "neg": 0, "neutral": 1, "neu": 1, "positive": 2, "pos": 2}
SCHEME_VALUES = {"stars": "1-5", "five": "0-4", "three": "negative/neutral/positive or 0/1/2",
                 "binary": "0/1"}


def _fits(scheme: str, values: set[str]) -> bool:
    try:
        for v in values:
            parse_label(v, scheme)
    except ValueError:
        return False
    return True


def _word(value: object) -> str:
    """A label cell as detection compares it: lower case, an integer-valued number as that integer
    (``1.0`` -> ``1``: a file written by pandas holds 0.0/1.0/2.0, which every scheme reads as 0/1/2)."""
    text = str(value).strip().lower()
    number = _integer(text)
    return text if number is None else str(number)


def _integer(text: str) -> int | None:
    """``text`` as an integer if it is an integer-valued number (``2``, ``2.0``), else None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def detect_scheme(path: Path, column: str, values: list[object]) -> str:
    """The scheme of a label column, from its name and its values (blank cells are not evidence:
    the rows are checked one by one afterwards, and a blank label is refused with its row)."""
    if column.strip().lower() in STAR_COLUMNS:
        return "stars"
    cells = {str(v).strip().lower() for v in values if v is not None} - {""}
    words = {_word(v) for v in cells}
    if words and words <= set(THREE_WORDS):
        return "three"
    if words and words <= {"0", "1"}:
        return "binary"
    if words and words <= {"0", "1", "2", "3", "4"} and words & {"3", "4"}:
        return "five"  # 0/1/2 alone are as often negative/neutral/positive (TweetEval): stated, not guessed
    shown = ", ".join(sorted(cells)[:6]) or "none"
    fitting = [s for s in SCHEMES if words and _fits(s, words)]
    advice = (f"state it with --scheme {path.name}={'|'.join(fitting)}" if fitting else
              "no scheme fits them (" + ", ".join(f"{k} {v}" for k, v in SCHEME_VALUES.items()) + ")")
    raise DataError(f"{path}: cannot tell the label scheme of column {column!r} (values: {shown}); {advice}")


def parse_label(value: object, scheme: str) -> int:
    """The normalised label of one cell; ``ValueError`` saying why if the scheme has no such value."""
    text = "" if value is None else str(value).strip().lower()
    if scheme == "three":
        if text in THREE_WORDS:
            return THREE_WORDS[text]
        index = _integer(text)
        if index is not None and 0 <= index <= 2:
            return index
        raise ValueError("is not one of negative, neutral, positive (or 0, 1, 2)")
    try:
        number = float(text)
    except ValueError:
        raise ValueError("is not a number") from None
    if scheme == "stars":
        if not 1 <= number <= 5:  # NaN and infinities fail too
            raise ValueError("is not within 1-5")
        return math.floor(number + 0.5) - 1  # half stars round up (2.5 -> 3)
    top = 4 if scheme == "five" else 1
    if not (0 <= number <= top and number.is_integer()):
        raise ValueError(f"is not an integer within 0-{top}")
    return int(number)

