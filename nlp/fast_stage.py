"""A run's second stage: distil the fast model from the full model as saved, and add it to the summary.

It starts from the full model's directory, not from the weights in memory, so
it can also run on its own later (``nlp/EXPERIMENTS.md`` probes students this
way) and reproduce what ``umot train --fast-out`` made.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nlp.save_and_measure import save_and_measure
from nlp.splits import FileSplit
from nlp.summary import TrainingSummary
from nlp.teacher.probs import TeacherProbs
from nlp.train import TrainConfig

if TYPE_CHECKING:
    from nlp.distill import DistillConfig


def add_fast_model(summary: TrainingSummary, out: Path, fast_out: Path, splits: Sequence[FileSplit], cfg: TrainConfig,
                   distill_cfg: DistillConfig | None = None, eval_dir: Path | None = None,
                   log: Callable[[str], None] = print, teacher_probs: TeacherProbs | None = None) -> TrainingSummary:
    """Distil the fast model from the full model *as saved* in ``out`` (so a later run from the saved
    model reproduces it), measure it and add it to the summary (saved again in ``out``)."""
    from nlp.distill import DistillConfig, distill
    from nlp.overlay import load_overlay

    t0 = time.perf_counter()
    teacher, teacher_spec = load_overlay(out)
    student, student_spec = distill(teacher, teacher_spec, splits, cfg, distill_cfg or DistillConfig(),
                                    teacher_probs=teacher_probs, log=log)
    fast = save_and_measure(student, student_spec, fast_out, "fast", splits, eval_dir, log)
    summary = summary.model_copy(update={
        "models": [m for m in summary.models if m.role != "fast"] + [fast],
        "distill": student_spec.training.get("distill"),
        "total_minutes": round(summary.total_minutes + (time.perf_counter() - t0) / 60, 2)})
    summary.save(out)
    return summary
