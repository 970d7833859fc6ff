"""``umot train``'s options, evaluation files and model folders, checked before it trains.

A run is long (``make model``: an hour): options that cannot work together (or
would be ignored), an evaluation file with a bad row, a mistyped ``--eval-dir``,
an ``--out`` that would replace a folder holding anything but a model's files,
or an input inside such a folder costs one line now, not a traceback after
training, lost files or a card naming options the run did not apply.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from umot.cli._errors import fail

# What a run writes in a model folder: nlp.model_spec.CONFIG_FILE, nlp.overlay.WEIGHTS_FILE,
# nlp.summary.SUMMARY_FILE and the default card (named here: importing them loads torch)
MODEL_FILES = ("umot_model.json", "weights.safetensors", "training_summary.json", "MODEL_CARD.md")


def check_eval_dir(eval_dir: Path | None) -> None:
    """Read every evaluation file in ``eval_dir`` (each row checked), or refuse the folder in one line."""
    if eval_dir is None:
        return
    from nlp.data import DataError
    from nlp.eval_files import EVAL_FILES, read_eval_sets

    if not eval_dir.is_dir():
        fail(f"--eval-dir {eval_dir}: no such folder")
    if not any((eval_dir / name).exists() for name in EVAL_FILES):
        fail(f"--eval-dir {eval_dir}: none of {', '.join(EVAL_FILES)} there")
    try:
        read_eval_sets(eval_dir)
    except DataError as exc:
        fail(str(exc))


def check_out_dir(path: Path | None, option: str, card: Path | None = None) -> None:
    """A model folder is replaced whole at the end of the run: refuse one that holds anything but the files a
    run writes there (:data:`MODEL_FILES`, and ``card`` if it lies in the folder), which would be lost."""
    if path is None or not path.is_dir():
        return
    ours = set(MODEL_FILES) | ({card.name} if card is not None and card.resolve().parent == path.resolve() else set())
    others = sorted(p.name for p in path.iterdir() if p.name not in ours or not p.is_file())
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        fail(f"{option} {path}: holds {shown}, not a model's files ({', '.join(MODEL_FILES)}); the run replaces "
             "the whole folder, so name a new or empty one")


def check_inputs_outside(outs: dict[str, Path | None], inputs: Iterable[tuple[str, Path | None]]) -> None:
    """An input (``--data``, ``--teacher-probs``, ``--eval-dir``) inside a model folder would be deleted with
    the old model when the run replaces the folder: refuse it, naming both."""
    for option, folder in outs.items():
        if folder is None:
            continue
        for name, path in inputs:
            if path is not None and path.resolve().is_relative_to(folder.resolve()):
                fail(f"{name} {path}: inside {option} {folder}, which the run replaces whole; "
                     "write the model to another folder")


def check_card(card: Path | None, outs: dict[str, Path | None], inputs: Iterable[tuple[str, Path | None]],
               eval_dir: Path | None) -> None:
    """``--card`` is written once the run is over: one that is an input file (``--eval-dir``'s too: overwritten
    with the card, exit 0), a model folder or one holding it (a traceback after the whole training) or a model's
    own file (the model lost) is refused now."""
    if card is None:
        return
    from nlp.eval_files import EVAL_FILES
    from umot.cli._teacher_files import check_not_data

    evaluated = [("--eval-dir", eval_dir / name) for name in EVAL_FILES if (eval_dir / name).exists()] if eval_dir else []
    for option, path in [*inputs, *evaluated]:
        check_not_data(card, "--card", [] if path is None else [path], option)
    at = card.resolve()
    for option, folder in outs.items():
        if folder is None:
            continue
        if at == folder.resolve() or folder.resolve().is_relative_to(at):
            what = "is" if at == folder.resolve() else "holds"
            fail(f"--card {card}: {what} the {option} folder {folder}; give the card a file name of its own")
        if at.parent == folder.resolve() and at.name in MODEL_FILES and at.name != "MODEL_CARD.md":
            fail(f"--card {card}: the model's own {at.name} in {option} {folder}, which the card would "
                 "overwrite; give another name")


def check_two_outs(out: Path, fast_out: Path | None) -> None:
    """The full and the fast model need folders of their own, neither inside the other (each is replaced whole)."""
    if fast_out is None:
        return
    full, fast = out.absolute(), fast_out.absolute()
    if full == fast:
        fail(f"--fast-out {fast_out}: the same folder as --out; each model needs its own")
    if full.is_relative_to(fast) or fast.is_relative_to(full):
        fail(f"--fast-out {fast_out}: one model folder inside the other (--out {out}); each is replaced whole")


def check_options(data: list[Path] | None, from_db: bool, brand: str | None, database_url: str | None,
                  read_options: dict[str, object], fast_out: Path | None, fast_options: dict[str, float],
                  fast_teacher_mix: float | None, teacher_probs: Path | None, teacher_weight: float | None,
                  teacher_temperature: float | None) -> None:
    """Refuse option combinations of ``umot train`` that cannot work, with one line each, before any file is
    read; ``read_options`` (``--scheme``, ``--text-column``, ``--encoding``) say how a --data file is read."""
    if (not data) == (not from_db):
        fail("give --data FILE (one or more) or --from-db")
    if teacher_probs is None and (teacher_weight is not None or teacher_temperature is not None):
        fail("--teacher-weight and --teacher-temperature shape the loss to --teacher-probs FILE: give it too")
    if teacher_temperature is not None and not 0 < teacher_temperature < math.inf:
        fail(f"--teacher-temperature {teacher_temperature}: must be above 0 (and finite)")
    if teacher_weight is not None and not 0 <= teacher_weight < math.inf:
        fail(f"--teacher-weight {teacher_weight}: must be 0 or more (and finite)")
    for field, value in fast_options.items():  # the student's own options: positive, and only with a student
        option = f"--fast-{field}"
        if not 0 < value < math.inf:
            fail(f"{option} {value}: must be above 0 (and finite)")
        if fast_out is None:
            fail(f"{option}: give --fast-out DIR too (the fast model it trains)")
    if fast_teacher_mix is not None and not 0 <= fast_teacher_mix <= 1:
        fail(f"--fast-teacher-mix {fast_teacher_mix}: must be within 0-1")
    if fast_teacher_mix is not None and (fast_out is None or teacher_probs is None):
        fail("--fast-teacher-mix: give --fast-out DIR and --teacher-probs FILE too")
    if not from_db and (brand is not None or database_url is not None):
        fail("--brand and --database-url choose the store's reviews: give --from-db too")
    for option, given in read_options.items():  # how a --data file is read: the store has its own columns
        if from_db and given not in (None, []):
            fail(f"{option} reads --data files only; --from-db trains on the stored reviews' stars, title and text")
