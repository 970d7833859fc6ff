"""The fast model: a shallower student distilled from the full model on every training text.

The student keeps some of the full model's encoder layers (default 0, 1, 2, 5
of 6: the bottom ones read words, the top one was trained for the task) and
its head, then learns the full model's probabilities on the training texts (and
views) alongside the same labelled losses; the full model reads each batch as
the student trains on it, so a fraction of an epoch costs only its share. Fewer layers: fewer FLOPs per
review, which is what `umot score`'s speed is bound by (nlp/EXPERIMENTS.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace

import torch

from nlp.base_checkpoint import build_from_base
from nlp.labels import label_names
from nlp.model_spec import ModelSpec
from nlp.modeling import MeanPoolSentiment
from nlp.splits import FileSplit
from nlp.teacher.probs import TeacherProbs
from nlp.train import TrainConfig
from nlp.train_examples import build_examples, per_epoch_extras
from nlp.train_loop import fit, set_determinism


@dataclass
class DistillConfig:
    """Student hyper-parameters (recipe E of the session-3 probe, on every training text)."""

    layers: list[int] = field(default_factory=lambda: [0, 1, 2, 5])  # full-model layers the student keeps
    epochs: float = 1.0  # of the full model's epoch; 0.2 lost a point of MARC dev polarity (EXPERIMENTS, session 8)
    soft_weight: float = 1.0  # cross-entropy to the full model's probabilities, next to the labelled losses
    lr: float = 1e-4
    head_lr: float = 1e-4
    teacher_mix: float = 0.0  # share of a stored teacher's probabilities in the target, on the texts it covers


def student_from(teacher: MeanPoolSentiment, layers: Sequence[int]) -> MeanPoolSentiment:
    """A ``len(layers)``-layer model initialised from those layers of ``teacher`` (embeddings and head too)."""
    student = build_from_base(label_names(teacher.config.id2label), len(layers))
    source = teacher.state_dict()
    state = student.state_dict()
    for name in state:
        if ".encoder.layer." in name:
            head, rest = name.split(".encoder.layer.")
            k, tail = rest.split(".", 1)
            name_in_teacher = f"{head}.encoder.layer.{layers[int(k)]}.{tail}"
        else:
            name_in_teacher = name
        state[name].copy_(source[name_in_teacher])
    return student


def distill(teacher: MeanPoolSentiment, teacher_spec: ModelSpec, splits: Sequence[FileSplit], cfg: TrainConfig,
            dcfg: DistillConfig, *, teacher_probs: TeacherProbs | None = None,
            log: Callable[[str], None] = print) -> tuple[MeanPoolSentiment, ModelSpec]:
    """Train the student on the training rows of ``splits``; held-out rows stay out, as for the full model.

    With ``teacher_probs`` (a ``nlp.teacher.TeacherProbs``) and ``dcfg.teacher_mix`` > 0, the texts in the
    file learn that share of the stored teacher's probabilities, the rest of the full model's."""
    from transformers import AutoTokenizer

    from nlp.base_checkpoint import base_model_dir

    t0 = time.perf_counter()
    set_determinism(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    pad = tokenizer.pad_token_id or 0
    base, views, words = build_examples(tokenizer, splits, cfg)
    n_views, n_words = per_epoch_extras(splits, cfg, views, words)
    mix = dcfg.teacher_mix if teacher_probs is not None else 0.0
    if mix and teacher_probs is not None:
        found = teacher_probs.attach(base, [t for s in splits for t in s.train_texts()])
        log(f"student: stored teacher probabilities for {found} of {len(base)} texts, {mix} of the target")
    teacher = teacher.to(device).eval()  # type: ignore[arg-type]  # transformers types .to via functools.wraps (unbound)
    student = student_from(teacher, dcfg.layers).to(device)  # type: ignore[arg-type]  # transformers types .to via functools.wraps (unbound)
    if cfg.freeze_embeddings:
        student.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    scfg = replace(cfg, epochs=dcfg.epochs, lr=dcfg.lr, head_lr=dcfg.head_lr, ema=0.0)
    run = fit(student, base, views, words, n_views, n_words, scfg, pad, teacher=teacher,
              soft_weight=dcfg.soft_weight, stored_mix=mix, log=log)
    teacher.cpu()
    recorded = {**asdict(dcfg), "teacher_mix": mix}
    if not mix:  # absent means 0: a run without it reads as before
        del recorded["teacher_mix"]
    spec = replace(teacher_spec, name=f"{teacher_spec.name}-fast", num_layers=len(dcfg.layers), trained_params=[],
                   training={**teacher_spec.training, "distill": {**recorded, "steps": run["steps"],
                                                                   "minutes": round((time.perf_counter() - t0) / 60, 2)}})
    spec.trained_params = [n for n, p in student.named_parameters() if p.requires_grad]
    return student.cpu(), spec
