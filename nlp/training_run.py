"""One complete training run: fit, choose the detractor threshold, save, distil, evaluate, write the card.

``umot train`` (and so ``make model``) calls :func:`run`; it is kept apart
from ``nlp.train`` so the optimisation loop stays readable.
"""

from __future__ import annotations

import platform
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from nlp.dataset_terms import terms_for
from nlp.model_spec import ModelSpec
from nlp.modeling import MeanPoolSentiment
from nlp.overlay import WEIGHTS_FILE, file_digest, save_overlay
from nlp.splits import FileSplit
from nlp.summary import DatasetUsed, ModelResult, TrainingSummary
from nlp.teacher.probs import TeacherProbs
from nlp.train import TrainConfig, train

if TYPE_CHECKING:
    from nlp.distill import DistillConfig
    from nlp.scorer import Scorer


def choose_threshold(p_negative: np.ndarray, stars: Sequence[int]) -> float:
    """p_negative threshold with the best detractor F1 on held-out *training* reviews (stars 1-5)."""
    gold = np.asarray(stars) <= 2
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.30, 0.71, 0.02):
        pred = p_negative >= t
        tp = float(np.sum(pred & gold))
        f1 = 2 * tp / max(pred.sum() + gold.sum(), 1)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(round(t, 2)), f1
    return best


def command_line(argv: Sequence[str] | None = None, fallback: str = "") -> str:
    """The `umot train` command line as typed, or ``fallback`` when not run from the `umot` script."""
    argv = sys.argv if argv is None else argv
    if argv and Path(argv[0]).name in ("umot", "umot.exe") and "train" in argv[1:]:
        return shlex.join(["umot", *argv[1:]])
    return fallback


def scorer_for(model: MeanPoolSentiment, spec: ModelSpec, version: str, *, onnx: bool = True) -> Scorer:
    """The model as `umot score` runs it: ONNX Runtime int8 when available (and ``onnx``), else PyTorch fp32.

    ``version`` keys the cached ONNX export: give the saved weights' version, never a made-up one."""
    from transformers import AutoTokenizer

    from nlp import onnx_backend
    from nlp.base_checkpoint import base_model_dir
    from nlp.labels import label_map
    from nlp.scorer import Scorer

    runner = None
    if onnx and onnx_backend.available():
        runner = onnx_backend.runner_for(model, version, quantized=True, threads=torch.get_num_threads())
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    return Scorer(model, tokenizer, label_map(model.config.id2label), version=version, runner=runner,
                  max_length=spec.max_length, head_tokens=spec.head_tokens,
                  detractor_threshold=spec.detractor_threshold, mismatch_threshold=spec.mismatch_threshold)


def save_and_measure(model: MeanPoolSentiment, spec: ModelSpec, out: Path, role: str, splits: Sequence[FileSplit],
                     eval_dir: Path | None, log: Callable[[str], None]) -> ModelResult:
    """Choose the threshold on held-out star-rated rows, save, and measure held-out and dev figures,
    all on the weights as saved (float16), which is what ships."""
    from nlp.evaluate import evaluate
    from nlp.heldout import criterion, file_figures, group_figures
    from nlp.overlay import round_as_stored

    round_as_stored(model, spec)
    probe = scorer_for(model, spec, "probe", onnx=False)  # PyTorch fp32, no export
    stars_held = [(s, i) for s in splits if s.file.scheme == "stars" for i in s.held]
    if stars_held:
        p = probe.predict_proba([s.file.texts[i] for s, i in stars_held])
        spec.detractor_threshold = choose_threshold(p[:, :2].sum(1), [s.file.labels[i] + 1 for s, i in stars_held])
        log(f"{role}: detractor threshold {spec.detractor_threshold} (best F1 on {len(stars_held)} held-out star-rated rows)")
    save_overlay(model, spec, out)
    version = f"{spec.name}@{file_digest(out / WEIGHTS_FILE)}"
    scorer = scorer_for(model, spec, version)
    heldout = {s.file.name: file_figures(scorer, s) for s in splits if s.held}
    heldout.update(group_figures(scorer, splits, terms_for))
    evaluation = evaluate(scorer, eval_dir) if eval_dir is not None else {}
    size_mb = sum(f.stat().st_size for f in out.iterdir() if f.is_file() and f.suffix != ".md") / 1e6
    result = ModelResult(role=role, directory=str(out), version=version, size_mb=round(size_mb, 2),
                         layers=model.config.num_hidden_layers, detractor_threshold=spec.detractor_threshold,
                         scored_with="ONNX Runtime int8" if scorer.runner is not None else "PyTorch fp32",
                         evaluation=evaluation, heldout=heldout,
                         criterion=criterion({k: v for k, v in heldout.items() if k in {s.file.name for s in splits}}))
    log(f"{role}: saved {out} ({size_mb:.1f} MB), version {version}; held-out criterion {result.criterion}; "
        f"held-out {heldout}; dev {evaluation}")
    return result


def datasets_used(splits: Sequence[FileSplit]) -> list[DatasetUsed]:
    out = []
    for s in splits:
        known = terms_for(s.file.name)
        out.append(DatasetUsed(file=str(s.file.path), scheme=s.file.scheme, rows=len(s.file.texts),
                               trained=len(s.train), held_out=len(s.held), held_out_share=s.share,
                               title=known and known.title, origin=known and known.origin,
                               terms=known and known.terms, group=known.group if known else ""))
    return out


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
    summary = TrainingSummary(
        command=command, machine=f"{platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}",
        datasets=datasets_used(splits), from_db=from_db, config=spec.training["config"],
        steps=spec.training["steps"], train_minutes=round(stats["minutes"], 2),
        total_minutes=round((time.perf_counter() - t0) / 60, 2), device=spec.training["device"],
        threads=spec.training["threads"], base_package=spec.base_package, base_version=spec.base_version,
        max_length=spec.max_length, head_tokens=spec.head_tokens, mismatch_threshold=spec.mismatch_threshold,
        eval_dir=None if eval_dir is None else str(eval_dir), models=[full], teacher=spec.training.get("teacher_probs"))
    summary.save(out)
    if fast_out is not None:
        summary = add_fast_model(summary, out, fast_out, splits, cfg, distill_cfg, eval_dir, log, teacher_probs)
    if card is not None:
        from nlp.card import write_card

        write_card(card, summary)
        log(f"wrote {card}")
    return summary
