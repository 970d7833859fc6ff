"""Where ``umot train`` reads its evaluation files and writes its models, checked before it trains.

A run is long (``make model``: an hour): an evaluation file with a bad row, a
mistyped ``--eval-dir``, or an ``--out`` that would replace a folder of other
files costs one line now, not a traceback after training or lost files.
"""

from __future__ import annotations

from pathlib import Path

from umot.cli._errors import fail

MODEL_SPEC = "umot_model.json"  # nlp.model_spec.CONFIG_FILE: what makes a folder one of our models


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


def check_out_dir(path: Path | None, option: str) -> None:
    """A model folder is replaced whole at the end of the run: refuse one that holds anything but a model."""
    if path is None or not path.is_dir() or (path / MODEL_SPEC).exists() or not any(path.iterdir()):
        return
    fail(f"{option} {path}: a folder of other files, not a model ({MODEL_SPEC}); the run replaces the whole "
         "folder, so name a new or empty one")


def check_two_outs(out: Path, fast_out: Path | None) -> None:
    """The full and the fast model need folders of their own, neither inside the other (each is replaced whole)."""
    if fast_out is None:
        return
    full, fast = out.absolute(), fast_out.absolute()
    if full == fast:
        fail(f"--fast-out {fast_out}: the same folder as --out; each model needs its own")
    if full.is_relative_to(fast) or fast.is_relative_to(full):
        fail(f"--fast-out {fast_out}: one model folder inside the other (--out {out}); each is replaced whole")
