"""The dev and test files a training run is measured on, read and checked in one place.

``umot train`` reads them before it trains (a bad row costs one line, not an
hour's run and a half-written model folder) and ``nlp.evaluate`` scores them:
both go through :func:`read_eval_sets`, so what was checked is what is scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.data import DataError, read_table
from nlp.rated_reviews import read_labelled, text_problem
from nlp.sources import LabelledFile, read_labelled_file

MARC_DEV = "marc_en_dev.csv.gz"
SST2_DEV = "sst2_dev.csv"
TWEETS_TEST = "tweets_semeval2017_test.csv.gz"
EVAL_FILES = (MARC_DEV, SST2_DEV, TWEETS_TEST)
SST2_LABELS = {"pos": True, "positive": True, "1": True, "neg": False, "negative": False, "0": False}


@dataclass
class EvalSets:
    """The files present: MARC (texts, stars 1-5), SST-2 (texts, positive?), the SemEval tweets (three classes)."""

    marc: tuple[list[str], list[int]] | None = None
    sst2: tuple[list[str], list[bool]] | None = None
    tweets: LabelledFile | None = None


def read_sst2(path: Path) -> tuple[list[str], list[bool]]:
    """(texts, is positive) of SST-2 sentences; a missing column, a blank text or a label not pos/neg/1/0
    names its row."""
    table = read_table(path)
    for needed in ("text", "label"):
        if needed not in table.columns:
            raise DataError(f"{path}: no {needed!r} column (columns: {', '.join(table.columns) or 'none'})")
    texts, gold = [], []
    for row, line in zip(table.rows, table.lines):
        label = str(row.get("label")).strip().lower()
        if label not in SST2_LABELS:
            raise DataError(f"{path}: row {line}: label {row.get('label')!r} is not one of pos, neg, 1, 0")
        if problem := text_problem(row.get("text"), "text"):
            raise DataError(f"{path}: row {line}: {problem}")
        texts.append("" if row.get("text") is None else str(row.get("text")))
        gold.append(SST2_LABELS[label])
    return texts, gold


def read_eval_sets(data_dir: Path) -> EvalSets:
    """Every evaluation file in ``data_dir``, each row checked (``DataError`` names file and row);
    a folder that is missing or holds none of :data:`EVAL_FILES` is an error too."""
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: no such folder")
    if not any((data_dir / name).exists() for name in EVAL_FILES):
        raise DataError(f"{data_dir}: none of {', '.join(EVAL_FILES)} there")
    sets = EvalSets()
    if (data_dir / MARC_DEV).exists():
        sets.marc = read_labelled(data_dir / MARC_DEV)
    if (data_dir / SST2_DEV).exists():
        sets.sst2 = read_sst2(data_dir / SST2_DEV)
    if (data_dir / TWEETS_TEST).exists():
        sets.tweets = read_labelled_file(data_dir / TWEETS_TEST, "three")
    return sets
