"""One complete training run: fit, save and measure, distil the fast model, write the card.

``umot train`` (and so ``make model``) calls :func:`run`; it is kept apart
from ``nlp.train`` so the optimisation loop stays readable, and it only
sequences the stages: saving and measuring (``nlp.save_and_measure``), the
fast model (``nlp.fast_stage``) and the summary's record (``nlp.run_summary``).
Everything it writes is staged and moved into place at the end
(``nlp.staged_output``): a run that fails writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from nlp.fast_stage import add_fast_model
from nlp.run_summary import full_model_summary
from nlp.save_and_measure import save_and_measure
from nlp.splits import FileSplit
from nlp.staged_output import StagedOutput
from nlp.summary import TrainingSummary
from nlp.teacher.probs import TeacherProbs
from nlp.train import TrainConfig, train

if TYPE_CHECKING:
    from nlp.distill import DistillConfig


class TrainingError(ValueError):
    """The run cannot give a usable model (its weights diverged): nothing is written."""


def run(splits: Sequence[FileSplit], out: Path, *, cfg: TrainConfig | None = None, card: Path | None = None,
        eval_dir: Path | None = None, fast_out: Path | None = None, distill_cfg: DistillConfig | None = None,
        from_db: dict | None = None, command: str = "", teacher_probs: TeacherProbs | None = None,
        teacher_weight: float = 1.0,
        teacher_temperature: float = 1.0, log: Callable[[str], None] = print) -> TrainingSummary:
    """Train, save to ``out`` (and a distilled fast model to ``fast_out``), evaluate, write the card.

    ``teacher_probs`` (a ``nlp.teacher.TeacherProbs``): the full model also learns them (``nlp.train.train``);
    the fast model learns from the full model, and from them too if ``distill_cfg.teacher_mix`` > 0.
    The evaluation files are read before training (``nlp.eval_files``: a bad row raises ``DataError``)."""
    from nlp.eval_files import read_eval_sets

    cfg = cfg or TrainConfig()
    if eval_dir is not None:
        read_eval_sets(eval_dir)
    t0 = time.perf_counter()
    model, spec, stats = train(splits, cfg, teacher_probs=teacher_probs, teacher_weight=teacher_weight,
                                teacher_temperature=teacher_temperature, log=log)
    if not all(bool(torch.isfinite(p).all()) for p in model.parameters()):
        raise TrainingError(f"training diverged (weights not finite) at lr {cfg.lr}, head_lr {cfg.head_lr}: "
                            "lower them with --set lr=... / --set head_lr=...")
    staged = StagedOutput()
    try:
        full_dir = staged.folder(out)
        full = save_and_measure(model, spec, full_dir, "full", splits, eval_dir, log, final=out)
        summary = full_model_summary(splits, spec, stats, full, started=t0, command=command, from_db=from_db,
                                     eval_dir=eval_dir)
        summary.save(full_dir)
        if fast_out is not None:
            fast_dir = staged.folder(fast_out)
            named = _naming(log, fast_dir, fast_out)
            summary = add_fast_model(summary, full_dir, fast_dir, splits, cfg, distill_cfg, eval_dir, named,
                                     teacher_probs)
            summary = _named(summary, fast_dir, fast_out)
            summary.save(full_dir)
        if card is not None:
            from nlp.card import write_card

            write_card(staged.file(card), summary)
        staged.commit()
    except BaseException:
        staged.abort()
        raise
    if card is not None:
        log(f"wrote {card}")
    return summary


def _naming(log: Callable[[str], None], staged: Path, final: Path) -> Callable[[str], None]:
    """``log`` with the staging folder's name replaced by the final one (what the user asked for)."""
    return lambda message: log(message.replace(str(staged), str(final)))


def _named(summary: TrainingSummary, staged: Path, final: Path) -> TrainingSummary:
    """The summary with a model built in ``staged`` recorded where it will lie (the card names it)."""
    models = [m.model_copy(update={"directory": str(final)}) if m.directory == str(staged) else m
              for m in summary.models]
    return summary.model_copy(update={"models": models})
