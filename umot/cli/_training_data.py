"""What ``umot train`` and ``umot teacher`` train on: the --data files with their per-file options, or the store.

Per-file options are ``VALUE`` (every file) or ``FILE=VALUE`` (one file, by
path or name): ``--scheme``, ``--rows``, ``--holdout``, ``--encoding``. Every file is read and
checked before any training starts, so a bad file costs one line, not a run.
The store (``--from-db``) is read in :mod:`umot.cli._training_from_store`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from umot.cli._errors import fail

if TYPE_CHECKING:
    from nlp.splits import FileSplit

Value = TypeVar("Value")
SCHEME_HELP = "stars (1-5), five (0-4), three (negative, neutral, positive or 0, 1, 2) or binary (0/1)"
ROWS_HELP = "N or FILE=N: train on at most N rows of every file (N) or of FILE (FILE=N; it wins over N); a stratified, seeded sample"


def _file_name(key: str, files: list[Path]) -> str | None:
    """The name of the --data file ``key`` means: its name, its path as given, or any path to the same file
    (``./good.csv`` for ``--data good.csv``); None if it means none of them."""
    for path in files:
        if key in (path.name, str(path)) or Path(key).resolve() == path.resolve():
            return path.name
    return None


def per_file_values(values: list[str], option: str, convert: Callable[[str], Value],
                files: list[Path]) -> tuple[Value | None, dict[str, Value]]:
    """``VALUE`` (every file) or ``FILE=VALUE`` (one file, by path or name) -> (default, {file name: value})."""
    default: Value | None = None
    per_file: dict[str, Value] = {}
    for raw in values:
        key, sep, value = raw.rpartition("=")
        try:
            converted = convert(value.strip())
        except ValueError as exc:
            fail(f"{option} {raw!r}: {exc}")
        if not sep:
            default = converted
        elif (name := _file_name(key, files)) is None:
            fail(f"{option} {raw!r}: {key} is not one of the --data files")
        else:
            per_file[name] = converted
    return default, per_file


def held_share(value: str) -> float:
    """A --holdout value: the share of a file held out."""
    share = float(value)
    if not 0 <= share < 1:
        raise ValueError("the held-out share must be within 0-1 (e.g. 0.1)")
    return share


def row_cap(value: str) -> int:
    """A --rows value: at most this many training rows."""
    if int(value) < 1:
        raise ValueError("the row cap must be a positive number")
    return int(value)


def _scheme(value: str) -> str:
    from nlp.label_schemes import SCHEMES

    if value not in SCHEMES:
        raise ValueError(f"unknown scheme (use {SCHEME_HELP})")
    return value


def _encoding(value: str) -> str:
    from core.text_encoding import check_encoding

    check_encoding(value)
    return value


def check_limit(limit: int | None) -> None:
    """``--limit N``: the first N rows, N at least 1 (a negative N used to mean "all but the last N")."""
    if limit is not None and limit < 1:
        fail(f"--limit {limit}: must be at least 1")


def load_splits(data: list[Path], schemes: list[str], rows: list[str], holdout: list[str], text_column: str,
                limit: int | None, seed: int, default_share: float, encodings: Sequence[str] = ()) -> list[FileSplit]:
    """Read every file (all checked before any training) and split each one."""
    from nlp.data import DataError
    from nlp.sources import read_labelled_file
    from nlp.splits import split_files

    scheme_all, scheme_of = per_file_values(schemes, "--scheme", _scheme, data)
    cap_all, caps = per_file_values(rows, "--rows", row_cap, data)
    share_all, shares = per_file_values(holdout, "--holdout", held_share, data)
    encoding_all, encoding_of = per_file_values(list(encodings), "--encoding", _encoding, data)
    check_limit(limit)
    if len({p.name for p in data}) < len(data):
        fail("--data: two files have the same name; options and the card refer to files by name")
    files = []
    for path in data:
        try:
            f = read_labelled_file(path, scheme_of.get(path.name, scheme_all), text_column,
                                   encoding_of.get(path.name, encoding_all))
        except DataError as exc:
            fail(str(exc))
        if limit is not None:
            f.texts, f.labels = f.texts[:limit], f.labels[:limit]
        files.append(f)
    if cap_all is not None:  # a bare --rows N caps every file not named on its own
        caps = {f.name: caps.get(f.name, cap_all) for f in files}
    return split_files(files, seed, default_share if share_all is None else share_all, shares, caps)


def held_out_overlap(splits: list[FileSplit]) -> str | None:
    """The run's line on held-out rows that are also trained on (duplicate texts), or None if there are none."""
    from nlp.splits import trained_held_out

    counts = trained_held_out(splits)
    if not counts:
        return None
    held = {s.file.name: len(s.held) for s in splits}
    return ("held-out rows whose text is also trained on (duplicates; they flatter the held-out figures): "
            + ", ".join(f"{name} {n} of {held[name]}" for name, n in counts.items()))
