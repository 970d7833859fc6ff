"""Fine-tune MiniLM-L6 into a 1-5 star head from several labelled files, on CPU, deterministically.

Recipe (explained in the model card and ``nlp/EXPERIMENTS.md``):
- mean pooling + a 5-way head; the word-embedding matrix stays frozen (half the
  parameters: keeps what pre-training knew about words absent from the
  training data, halves the optimiser work and the shipped file);
- every file's labels trained into the one 5-star head (``nlp.losses``): stars
  and 5-class sentences as ordinal soft labels + a polarity loss, 3-class and
  binary labels on the aggregated probabilities; within each file, classes are
  weighted by frequency ** -``class_balance`` (app reviews are two thirds 5*);
- extra short texts (``nlp.views``): sentences cut from clearly rated reviews
  and single words of a human-rated sentiment lexicon, polarity loss only;
- AdamW with layer-wise learning-rate decay, linear warm-up and decay;
  length-bucketed batches with dynamic padding; optional weight averaging.

What each run learns from is built in ``nlp.train_examples``; the loop is
``nlp.train_loop``, which the fast student (``nlp.distill``) shares.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import torch

from nlp.base_checkpoint import build_from_base
from nlp.labels import STAR_LABELS
from nlp.model_spec import ModelSpec
from nlp.modeling import MeanPoolSentiment
from nlp.splits import FileSplit
from nlp.teacher.probs import TeacherProbs
from nlp.train_examples import build_examples, per_epoch_extras
from nlp.train_loop import fit, set_determinism


@dataclass
class TrainConfig:
    """Hyper-parameters; every field lands in the model card (``umot train --set FIELD=VALUE``)."""

    seed: int = 13
    epochs: float = 1.5
    max_length: int = 128  # training reads head + tail tokens, like the scorer
    batch_size: int = 32
    lr: float = 1e-4  # top encoder layer
    head_lr: float = 1e-3
    layer_decay: float = 0.9  # lr multiplier per layer going down
    weight_decay: float = 0.01
    warmup: float = 0.06
    soft_labels: float = 0.1  # mass moved to the adjacent star classes
    polarity_weight: float = 0.5  # auxiliary polarity loss of star-rated texts
    three_weight: float = 1.0  # loss weight of 3-class (negative/neutral/positive) labels
    class_balance: float = 0.5  # class weights within a file: frequency ** -class_balance (0 = off)
    sentence_views: float = 0.4  # sentence views per star-rated review and epoch (polarity loss only)
    sentence_weight: float = 0.5
    ptb_share: float = 0.3  # share of sentence views PTB-tokenised (SST-like)
    freeze_embeddings: bool = True
    word_weight: float = 0.5  # polarity loss weight of single lexicon words (VADER, |valence| >= 1.5); 0 = off
    ema: float = 0.0  # decay of an exponential moving average of the weights (shipped instead of the last step); 0 = off
    holdout: float = 0.1  # share of each file held out (stratified): threshold choice and held-out figures
    threads: int = 0  # 0 = all cores


def train(splits: Sequence[FileSplit], cfg: TrainConfig | None = None, *, teacher_probs: TeacherProbs | None = None,
          teacher_weight: float = 1.0, teacher_temperature: float = 1.0,
          log: Callable[[str], None] = print) -> tuple[MeanPoolSentiment, ModelSpec, dict]:
    """Fine-tune on the training rows of ``splits``; return the model, its spec and run statistics.

    With ``teacher_probs`` (`make teacher`), rows whose text is in it also learn the stored teacher
    probabilities (cross-entropy x ``teacher_weight``, at ``teacher_temperature``); the other rows, views
    and words: labels only."""
    from transformers import AutoTokenizer

    from nlp.base_checkpoint import base_model_dir

    cfg = cfg or TrainConfig()
    t_start = time.perf_counter()
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    set_determinism(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    base, views, words = build_examples(tokenizer, splits, cfg)
    n_views, n_words = per_epoch_extras(splits, cfg, views, words)
    taught = None
    if teacher_probs is not None:
        found = teacher_probs.attach(base, [t for s in splits for t in s.train_texts()])
        taught = {"file_texts": len(teacher_probs), "matched": found, "weight": teacher_weight,
                  "teacher": teacher_probs.meta.get("teacher", "?")}
        if teacher_temperature != 1.0:  # absent means 1: the shipped summary and card stay as they were
            taught["temperature"] = teacher_temperature
        log(f"teacher probabilities for {found} of {len(base)} training texts (weight {teacher_weight}, "
            f"temperature {teacher_temperature:g})")
    model = build_from_base(list(STAR_LABELS)).to(device)  # type: ignore[arg-type]  # transformers types .to via functools.wraps (unbound)
    if cfg.freeze_embeddings:
        model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    run = fit(model, base, views, words, n_views, n_words, cfg, tokenizer.pad_token_id or 0,
              soft_weight=teacher_weight if taught else 0.0, soft_temperature=teacher_temperature, log=log)
    minutes = (time.perf_counter() - t_start) / 60
    # the scorer reads what training read: max_length tokens, the head 5/8 of them (nlp.batching.encode)
    spec = ModelSpec(max_length=cfg.max_length, head_tokens=cfg.max_length * 5 // 8, training={
        "config": asdict(cfg), "train_texts": len(base), "steps": run["steps"],
        "holdout_texts": sum(len(s.held) for s in splits), "minutes": round(minutes, 2),
        "files": {s.file.name: {"scheme": s.file.scheme, "rows": len(s.file.texts), "trained": len(s.train),
                                "held_out": len(s.held)} for s in splits},
        "device": str(device), "threads": torch.get_num_threads()})
    if taught is not None:
        spec.training["teacher_probs"] = taught
    spec.trained_params = [n for n, p in model.named_parameters() if p.requires_grad]
    return model.cpu(), spec, {"minutes": minutes}
