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
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from nlp.batching import Example, bucketed_batches, collate, encode
from nlp.labels import STAR_LABELS
from nlp.losses import loss_fn, mixed_targets
from nlp.model import MeanPoolSentiment, ModelSpec, build_from_base
from nlp.optim import WeightAverage, optimiser
from nlp.splits import FileSplit, class_weights
from nlp.teacher.probs import TeacherProbs
from nlp.views import ptb_style, sentence_pool, sentiment_words

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

STAR_SCHEMES = ("stars", "five")


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


def file_examples(split: FileSplit, ids: list[list[int]], cfg: TrainConfig) -> list[Example]:
    """One example per training row, trained on the losses its file's scheme allows."""
    labels = [split.file.labels[i] for i in split.train]
    weights = class_weights(labels, cfg.class_balance)
    scheme = split.file.scheme
    out = []
    for row_ids, label in zip(ids, labels):
        w = weights[label]
        if scheme in STAR_SCHEMES:
            out.append(Example(row_ids, label, -1 if label == 2 else int(label >= 3), weight=w))
        elif scheme == "three":
            out.append(Example(row_ids, -1, -1, three=label, weight=w))
        else:
            out.append(Example(row_ids, -1, label, weight=w))
    return out


def build_examples(tokenizer: PreTrainedTokenizerBase, splits: Sequence[FileSplit], cfg: TrainConfig) -> tuple[list[Example], list[Example], list[Example]]:
    """(rows of every file, the pool of sentence views, lexicon words), token ids ready."""
    rng = random.Random(cfg.seed)
    base: list[Example] = []
    pool: list[tuple[str, int]] = []
    for split in splits:
        texts = [split.file.texts[i] for i in split.train]
        base += file_examples(split, encode(tokenizer, texts, cfg.max_length), cfg)
        if split.file.scheme == "stars":
            pool += sentence_pool(texts, [split.file.labels[i] for i in split.train])
    rng.shuffle(pool)
    pool_ids = encode(tokenizer, [ptb_style(s) if rng.random() < cfg.ptb_share else s for s, _ in pool], cfg.max_length)
    views = [Example(pool_ids[k], -1, pol, weight=cfg.sentence_weight) for k, (_, pol) in enumerate(pool)]
    words: list[Example] = []
    if cfg.word_weight:
        lexicon = sentiment_words()
        words = [Example(i, -1, pol, weight=cfg.word_weight)
                 for i, pol in zip(encode(tokenizer, list(lexicon), cfg.max_length), lexicon.values())]
    return base, views, words


def per_epoch_extras(splits: Sequence[FileSplit], cfg: TrainConfig, views: list, words: list) -> tuple[int, int]:
    """Sentence views and lexicon words per epoch: ``sentence_views`` per star-rated review, words capped
    at the same number so a small brand data set is not swamped by the lexicon."""
    n_star = sum(len(s.train) for s in splits if s.file.scheme == "stars")
    wanted = int(round(cfg.sentence_views * n_star))
    return min(len(views), wanted), min(len(words), wanted)


def set_determinism(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def fit(model: nn.Module, base: list[Example], views: list[Example], words: list[Example], n_views: int,
        n_words: int, cfg: TrainConfig, pad_id: int, *, teacher: nn.Module | None = None, soft_weight: float = 0.0,
        soft_temperature: float = 1.0, stored_mix: float = 0.0, log: Callable[[str], None] = print) -> dict:
    """The optimisation loop; returns steps and minutes. Views and words rotate through the epochs.

    With a ``teacher``, each batch also learns the teacher's probabilities (``soft_weight``), computed
    batch by batch: a run of a fraction of an epoch pays only for the texts it sees; with ``stored_mix``,
    rows that carry a stored teacher's probabilities learn ``nlp.losses.mixed_targets`` of both.
    ``soft_temperature``: see ``nlp.losses.soft_loss``."""
    device = next(model.parameters()).device
    rng = random.Random(cfg.seed)
    if n_words < len(words):
        random.Random(cfg.seed).shuffle(words)
    per_epoch = math.ceil((len(base) + n_views + n_words) / cfg.batch_size)
    total_steps = max(1, int(round(per_epoch * cfg.epochs)))
    opt, schedule, warm = optimiser(model, cfg, total_steps)
    log(f"training on {len(base)} texts + {n_views} sentence views/epoch (pool {len(views)}) "
        f"+ {n_words} lexicon words/epoch, {total_steps} steps of {cfg.batch_size}, device {device}, "
        f"{torch.get_num_threads()} threads")
    ema = WeightAverage(model, cfg.ema) if cfg.ema else None
    model.train()
    t0 = time.perf_counter()
    step, running = 0, 0.0
    for epoch in range(math.ceil(cfg.epochs)):
        start = (epoch * n_views) % max(1, len(views))
        chosen = (views[start:] + views[:start])[:n_views]
        first = (epoch * n_words) % max(1, len(words))
        chosen += (words[first:] + words[:first])[:n_words]
        for batch in bucketed_batches(base + chosen, cfg.batch_size, rng):
            if step >= total_steps:
                break
            inputs = collate(batch, pad_id, device)
            if teacher is not None:
                with torch.no_grad():
                    live = torch.softmax(teacher(input_ids=inputs["input_ids"],
                                                 attention_mask=inputs["attention_mask"]).logits.float(), -1)
                if stored_mix and "soft" in inputs:  # rows with a stored teacher's probabilities learn the mix
                    live = mixed_targets(live, inputs["soft"], stored_mix)
                inputs["soft"] = live
            logits = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).logits
            loss = loss_fn(logits, inputs, cfg, soft_weight, soft_temperature)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            schedule.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if ema is not None:
                ema.update(model, step, warm)
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0 or step == total_steps:
                el = time.perf_counter() - t0
                log(f"step {step}/{total_steps} epoch {epoch + 1} loss {running:.4f} "
                    f"{el / 60:.1f} min (eta {el / step * (total_steps - step) / 60:.1f} min)")
    if ema is not None:
        ema.copy_to(model)
        log(f"weights: exponential moving average (decay {cfg.ema}) of steps {warm}-{total_steps}")
    model.eval()
    return {"steps": total_steps, "minutes": (time.perf_counter() - t0) / 60}


def train(splits: Sequence[FileSplit], cfg: TrainConfig | None = None, *, teacher_probs: TeacherProbs | None = None,
          teacher_weight: float = 1.0, teacher_temperature: float = 1.0,
          log: Callable[[str], None] = print) -> tuple[MeanPoolSentiment, ModelSpec, dict]:
    """Fine-tune on the training rows of ``splits``; return the model, its spec and run statistics.

    With ``teacher_probs`` (`make teacher`), rows whose text is in it also learn the stored teacher
    probabilities (cross-entropy x ``teacher_weight``, at ``teacher_temperature``); the other rows, views
    and words: labels only."""
    from transformers import AutoTokenizer

    from nlp.model import base_model_dir

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
    spec = ModelSpec(training={
        "config": asdict(cfg), "train_texts": len(base), "steps": run["steps"],
        "holdout_texts": sum(len(s.held) for s in splits), "minutes": round(minutes, 2),
        "files": {s.file.name: {"scheme": s.file.scheme, "rows": len(s.file.texts), "trained": len(s.train),
                                "held_out": len(s.held)} for s in splits},
        "device": str(device), "threads": torch.get_num_threads()})
    if taught is not None:
        spec.training["teacher_probs"] = taught
    spec.trained_params = [n for n, p in model.named_parameters() if p.requires_grad]
    return model.cpu(), spec, {"minutes": minutes}
