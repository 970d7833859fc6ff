"""One complete training run: fit, save and measure, distil the fast model, write the card.

``umot train`` (and so ``make model``) calls :func:`run`; it is kept apart
from ``nlp.train`` so the optimisation loop stays readable, and it only
sequences the stages: saving and measuring (``nlp.save_and_measure``), the
fast model (``nlp.fast_stage``) and the summary's record (``nlp.run_summary``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nlp.fast_stage import add_fast_model
from nlp.run_summary import full_model_summary
from nlp.save_and_measure import save_and_measure
from nlp.splits import FileSplit
from nlp.summary import TrainingSummary
from nlp.teacher.probs import TeacherProbs
from nlp.train import TrainConfig, train

if TYPE_CHECKING:
    from nlp.distill import DistillConfig


def run(splits: Sequence[FileSplit], out: Path, *, cfg: TrainConfig | None = None, card: Path | None = None,
        eval_dir: Path | None = None, fast_out: Path | None = None, distill_cfg: DistillConfig | None = None,
        from_db: dict | None = None, command: str = "", teacher_probs: TeacherProbs | None = None,
        teacher_weight: float = 1.0,
        teacher_temperature: float = 1.0, log: Callable[[str], None] = print) -> TrainingSummary:
    """Train, save to ``out`` (and a distilled fast model to ``fast_out``), evaluate, write the card.

    ``teacher_probs`` (a ``nlp.teacher.TeacherProbs``): the full model also learns them (``nlp.train.train``);
    the fast model learns from the full model, and from them too if ``distill_cfg.teacher_mix`` > 0."""
    cfg = cfg or TrainConfig()
    t0 = time.perf_counter()
    model, spec, stats = train(splits, cfg, teacher_probs=teacher_probs, teacher_weight=teacher_weight,
                                teacher_temperature=teacher_temperature, log=log)
    full = save_and_measure(model, spec, out, "full", splits, eval_dir, log)
    summary = full_model_summary(splits, spec, stats, full, started=t0, command=command, from_db=from_db,
                                 eval_dir=eval_dir)
    summary.save(out)
    if fast_out is not None:
        summary = add_fast_model(summary, out, fast_out, splits, cfg, distill_cfg, eval_dir, log, teacher_probs)
    if card is not None:
        from nlp.card import write_card

        write_card(card, summary)
        log(f"wrote {card}")
    return summary
