"""What a training run records about itself in ``training_summary.json``, beside the figures.

The card (``nlp.card``) shows how a model was made: the command as typed, the
machine, and each training file with its split and terms. Those are gathered
here, so ``nlp.training_run`` only sequences the run.
"""

from __future__ import annotations

import platform
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import torch

from nlp.dataset_terms import terms_for
from nlp.model_spec import ModelSpec
from nlp.splits import FileSplit
from nlp.summary import DatasetUsed, ModelResult, TrainingSummary

DATABASE_URL = "--database-url"


def command_line(argv: Sequence[str] | None = None, fallback: str = "") -> str:
    """The `umot train` command line as typed (its --database-url without the password: the card and the
    summary are shared), or ``fallback`` when not run from the `umot` script."""
    argv = sys.argv if argv is None else argv
    if argv and Path(argv[0]).name in ("umot", "umot.exe") and "train" in argv[1:]:
        return shlex.join(["umot", *_masked(argv[1:])])
    return fallback


def _masked(args: Sequence[str]) -> list[str]:
    """``args`` with each --database-url value (``--database-url X`` or ``--database-url=X``) password-free."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if i and args[i - 1] == DATABASE_URL:
            out.append(hidden_password(arg))
        elif arg.startswith(DATABASE_URL + "="):
            out.append(f"{DATABASE_URL}={hidden_password(arg[len(DATABASE_URL) + 1:])}")
        else:
            out.append(arg)
    return out


def hidden_password(url: str) -> str:
    """``url`` with its password (before the host or as ``?password=``) as ``***``; one it cannot parse, all ``***``."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
        if "password" in parsed.query:  # libpq takes one after "?" too
            parsed = parsed.update_query_dict({"password": "***"})
        return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "***"


def datasets_used(splits: Sequence[FileSplit]) -> list[DatasetUsed]:
    """Each training file: rows trained and held out, and its title, origin and terms when it is a known dataset."""
    out = []
    for s in splits:
        known = terms_for(s.file.name)
        out.append(DatasetUsed(file=str(s.file.path), scheme=s.file.scheme, rows=len(s.file.texts),
                               trained=len(s.train), held_out=len(s.held), held_out_share=s.share,
                               title=known and known.title, origin=known and known.origin,
                               terms=known and known.terms, group=known.group if known else ""))
    return out


def full_model_summary(splits: Sequence[FileSplit], spec: ModelSpec, stats: dict, full: ModelResult, *,
                       started: float, command: str, from_db: dict | None, eval_dir: Path | None) -> TrainingSummary:
    """The summary once the full model is saved and measured (``nlp.fast_stage`` adds the fast model).

    ``started``: the run's ``time.perf_counter()`` at its start, for the total minutes."""
    return TrainingSummary(
        command=command, machine=f"{platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}",
        datasets=datasets_used(splits), from_db=from_db, config=spec.training["config"],
        steps=spec.training["steps"], train_minutes=round(stats["minutes"], 2),
        total_minutes=round((time.perf_counter() - started) / 60, 2), device=spec.training["device"],
        threads=spec.training["threads"], base_package=spec.base_package, base_version=spec.base_version,
        max_length=spec.max_length, head_tokens=spec.head_tokens, mismatch_threshold=spec.mismatch_threshold,
        eval_dir=None if eval_dir is None else str(eval_dir), models=[full], teacher=spec.training.get("teacher_probs"))
