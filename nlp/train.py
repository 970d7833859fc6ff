"""Fine-tune MiniLM-L6 to predict 1-5 stars, on CPU in minutes, deterministically.

Recipe (explained in the model card):
- mean pooling + a 5-way head; the word-embedding matrix stays frozen (half the
  parameters: keeps what pre-training knew about words absent from the
  training reviews, halves the optimiser work and the shipped file);
- loss = ordinal soft-label cross-entropy over the five stars + an auxiliary
  polarity loss on aggregated probabilities (-log(p1+p2) or -log(p4+p5) for
  1-2*/4-5* reviews), which directly trains the negative/positive decision;
- extra "sentence views": single sentences cut from clearly rated reviews,
  trained on the polarity loss only, some PTB-tokenised, so short texts from
  other platforms (one-liners, tweets, critics' snippets) are read well;
- "word views": single words of a human-rated sentiment lexicon (VADER's,
  MIT), polarity loss only: teaches the polarity of sentiment words that the
  12k training reviews never use (held-out exact +1.4, polarity +0.2 points:
  within noise, see EXPERIMENTS.md);
- optional LP-FT (``linear_probe``, off: tried, no gain): the head starts as
  a linear probe fitted on the frozen encoder's features, so fine-tuning
  does not first distort the pre-trained features to fit a random head
  (Kumar et al., ICLR 2022: better out-of-domain accuracy);
- optional (``ema``, off: tried, within noise): ship an exponential moving
  average of the weights;
- AdamW with layer-wise learning-rate decay, linear warm-up and decay;
  length-bucketed batches with dynamic padding (most reviews are short: that
  is what makes an epoch cheap on a CPU).
"""

from __future__ import annotations

import json
import math
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from nlp.labels import STAR_LABELS
from nlp.model import MeanPoolSentiment, ModelSpec, build_from_base
from nlp.text import clean_text


@dataclass
class TrainConfig:
    """Hyper-parameters; every field lands in the model card."""

    seed: int = 13
    epochs: float = 1.5
    max_length: int = 128  # training reads head + tail tokens, like the scorer
    batch_size: int = 32
    lr: float = 1e-4  # top encoder layer
    head_lr: float = 1e-3
    linear_probe: int = 0  # reviews whose frozen features initialise the head (LP-FT); 0 = off (tried: no gain)
    layer_decay: float = 0.9  # lr multiplier per layer going down
    weight_decay: float = 0.01
    warmup: float = 0.06
    soft_labels: float = 0.1  # mass moved to the adjacent star classes
    polarity_weight: float = 0.5  # auxiliary polarity loss
    sentence_views: float = 0.4  # sentence views per review and epoch (polarity loss only)
    sentence_weight: float = 0.5
    ptb_share: float = 0.3  # share of sentence views PTB-tokenised (SST-like)
    freeze_embeddings: bool = True
    word_weight: float = 0.5  # polarity loss weight of single lexicon words (VADER, |valence| >= 1.5); 0 = off
    ema: float = 0.0  # decay of an exponential moving average of the weights (shipped instead of the last step); 0 = off
    holdout: int = 800  # train rows kept apart to choose the detractor threshold
    threads: int = 0  # 0 = all cores


# --- text views ----------------------------------------------------------------
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
_PTB_PUNCT = re.compile(r"([.,!?;:()\"])")


def sentences(text: str) -> list[str]:
    """Sentences of at least four words."""
    return [s.strip() for s in _SENT_SPLIT.split(text) if len(s.split()) >= 4]


def ptb_style(text: str) -> str:
    """Lower-cased, PTB-like tokenisation (SST-2's form): "don't." -> "do n't ."."""
    text = text.lower()
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    text = re.sub(r"(\w)'(s|re|ve|ll|d|m)\b", r"\1 '\2", text)
    text = _PTB_PUNCT.sub(r" \1 ", text).replace("(", "-lrb-").replace(")", "-rrb-")
    return re.sub(r"\s+", " ", text).strip()


WORDS_FILE = Path(__file__).resolve().parent / "sentiment_words.json"


def sentiment_words(path: Path = WORDS_FILE) -> dict[str, int]:
    """Lexicon word -> polarity (1 positive, 0 negative), from VADER's human-rated valences (MIT, see the file)."""
    return {w: int(v > 0) for w, v in json.loads(path.read_text())["valence"].items()}


# --- batching ------------------------------------------------------------------
@dataclass
class Example:
    ids: list[int]
    star: int  # 0-4, or -1 for a polarity-only view
    polarity: int  # 0 = negative, 1 = positive, -1 = none (3 stars)
    weight: float = 1.0


def encode(tokenizer, texts: Sequence[str], max_length: int) -> list[list[int]]:
    if not texts:
        return []
    ids = tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]
    head = max_length * 5 // 8
    tail = max_length - head
    return [s if len(s) <= max_length else s[:head] + s[-tail:] for s in ids]


def bucketed_batches(examples: list[Example], batch_size: int, rng: random.Random) -> list[list[Example]]:
    """Shuffle, sort within chunks of 50 batches by length, shuffle the batches."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: len(examples[i].ids))
        batches += [[examples[i] for i in part[j : j + batch_size]] for j in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(batch: list[Example], pad_id: int, device) -> dict:
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, e in enumerate(batch):
        ids[row, : len(e.ids)] = torch.tensor(e.ids)
        mask[row, : len(e.ids)] = 1
    return {
        "input_ids": ids.to(device), "attention_mask": mask.to(device),
        "star": torch.tensor([e.star for e in batch], device=device),
        "polarity": torch.tensor([e.polarity for e in batch], device=device),
        "weight": torch.tensor([e.weight for e in batch], dtype=torch.float, device=device),
    }


# --- loss ------------------------------------------------------------------------
def soft_targets(stars: torch.Tensor, smoothing: float, n: int = 5) -> torch.Tensor:
    """Ordinal label smoothing: ``smoothing`` spread over the neighbouring stars."""
    target = torch.zeros(len(stars), n, device=stars.device)
    for i, s in enumerate(stars.tolist()):
        nbrs = [j for j in (s - 1, s + 1) if 0 <= j < n]
        target[i, s] = 1.0 - smoothing
        for j in nbrs:
            target[i, j] = smoothing / len(nbrs)
    return target


def loss_fn(logits: torch.Tensor, batch: dict, cfg: TrainConfig) -> torch.Tensor:
    logp = torch.log_softmax(logits.float(), dim=-1)
    total = torch.zeros((), device=logits.device)
    has_star = batch["star"] >= 0
    if has_star.any():
        target = soft_targets(batch["star"][has_star], cfg.soft_labels)
        ce = -(target * logp[has_star]).sum(-1)
        total = total + (ce * batch["weight"][has_star]).sum()
    has_pol = batch["polarity"] >= 0
    if has_pol.any():
        lp = logp[has_pol]
        neg = torch.logsumexp(lp[:, :2], dim=-1)
        pos = torch.logsumexp(lp[:, 3:], dim=-1)
        nll = -torch.where(batch["polarity"][has_pol] == 1, pos, neg)
        w = batch["weight"][has_pol] * torch.where(batch["star"][has_pol] >= 0, cfg.polarity_weight, 1.0)
        total = total + (nll * w).sum()
    return total / len(batch["star"])


# --- optimiser -------------------------------------------------------------------
def param_groups(model: MeanPoolSentiment, cfg: TrainConfig) -> list[dict]:
    n_layers = model.config.num_hidden_layers
    groups: dict[tuple[float, float], list] = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if name.startswith("classifier."):
            lr = cfg.head_lr
        elif ".encoder.layer." in name:
            depth = int(name.split(".encoder.layer.")[1].split(".")[0])
            lr = cfg.lr * cfg.layer_decay ** (n_layers - 1 - depth)
        else:  # embeddings (positions, token types, LayerNorm)
            lr = cfg.lr * cfg.layer_decay ** n_layers
        wd = 0.0 if p.ndim == 1 else cfg.weight_decay
        groups.setdefault((lr, wd), []).append(p)
    return [{"params": ps, "lr": lr, "weight_decay": wd} for (lr, wd), ps in groups.items()]


# --- weight averaging --------------------------------------------------------------
class WeightAverage:
    """Exponential moving average of the trained parameters, started after warm-up.

    Averaging the weights along the end of the trajectory lands in a flatter
    region than the last step (Polyak averaging / SWA): usually a little better
    in-domain and more robust out of domain, at no training cost.
    """

    def __init__(self, model: nn.Module, decay: float) -> None:
        self.decay = decay
        self.shadow = {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}

    @torch.no_grad()
    def update(self, model: nn.Module, step: int, start: int) -> None:
        # before ``start`` (warm-up) the average just follows the weights; then its horizon
        # grows like 1/(steps averaged) until it reaches 1/(1 - decay)
        d = 0.0 if step <= start else min(self.decay, 1.0 - 1.0 / (step - start + 1))
        for n, p in model.named_parameters():
            if n in self.shadow:
                self.shadow[n].mul_(d).add_(p.detach(), alpha=1.0 - d)

    @torch.no_grad()
    def copy_to(self, model: nn.Module) -> None:
        for n, p in model.named_parameters():
            if n in self.shadow:
                p.copy_(self.shadow[n])


# --- linear probe ----------------------------------------------------------------
def fit_linear_probe(model: MeanPoolSentiment, examples: list[Example], cfg: TrainConfig, pad_id: int, device) -> float:
    """Fit the head on frozen, mean-pooled features (L-BFGS, soft labels, L2); return its train loss."""
    model.eval()
    feats, stars = [], []
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    with torch.inference_mode():
        for start in range(0, len(order), 64):
            batch = [examples[i] for i in order[start : start + 64]]
            inputs = collate(batch, pad_id, device)
            feats.append(model.pool(inputs["input_ids"], inputs["attention_mask"]).float())
            stars.append(inputs["star"])
    x = torch.cat(feats).clone()
    y = soft_targets(torch.cat(stars).clone(), cfg.soft_labels)
    head = model.classifier
    optimizer = torch.optim.LBFGS(head.parameters(), lr=1.0, max_iter=200, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = -(y * torch.log_softmax(head(x), -1)).sum(-1).mean() + 1e-3 * head.weight.pow(2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)  # returns the loss *before* the fit
    with torch.no_grad():
        loss = -(y * torch.log_softmax(head(x), -1)).sum(-1).mean() + 1e-3 * head.weight.pow(2).sum()
    model.train()
    return float(loss)


# --- the run ---------------------------------------------------------------------
def set_determinism(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def split_holdout(n: int, holdout: int, seed: int) -> tuple[list[int], list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    holdout = min(holdout, n // 5)
    return sorted(idx[holdout:]), sorted(idx[:holdout])


def train(
    texts: Sequence[str],
    stars: Sequence[int],
    cfg: TrainConfig | None = None,
    *,
    log: Callable[[str], None] = print,
) -> tuple[MeanPoolSentiment, ModelSpec, dict]:
    """Fine-tune on (text, 1-5 stars); return the model, its spec and run statistics."""
    from transformers import AutoTokenizer

    from nlp.model import base_model_dir

    cfg = cfg or TrainConfig()
    t_start = time.perf_counter()
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    set_determinism(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    cleaned = [clean_text(t) for t in texts]
    keep = [i for i, t in enumerate(cleaned) if t]
    cleaned = [cleaned[i] for i in keep]
    star_idx = [int(stars[i]) - 1 for i in keep]
    if len(set(star_idx)) < 2:
        raise ValueError("training needs reviews with at least two different star ratings")
    train_i, hold_i = split_holdout(len(cleaned), cfg.holdout, cfg.seed)
    rng = random.Random(cfg.seed)

    ids = encode(tokenizer, [cleaned[i] for i in train_i], cfg.max_length)
    base = [
        Example(ids[k], star_idx[i], -1 if star_idx[i] == 2 else int(star_idx[i] >= 3))
        for k, i in enumerate(train_i)
    ]
    # sentence views: a pool of single sentences from clearly rated reviews
    pool: list[tuple[str, int]] = []
    for i in train_i:
        if star_idx[i] in (0, 1, 3, 4):
            sents = sentences(cleaned[i])
            if len(sents) >= 2:
                pool += [(s, int(star_idx[i] >= 3)) for s in sents]
    rng.shuffle(pool)
    pool_ids = encode(tokenizer, [ptb_style(s) if rng.random() < cfg.ptb_share else s for s, _ in pool], cfg.max_length)
    views = [Example(pool_ids[k], -1, pol, cfg.sentence_weight) for k, (_, pol) in enumerate(pool)]
    words: list[Example] = []
    if cfg.word_weight:
        lexicon = sentiment_words()
        words = [Example(i, -1, pol, cfg.word_weight)
                 for i, pol in zip(encode(tokenizer, list(lexicon), cfg.max_length), lexicon.values())]

    model = build_from_base(list(STAR_LABELS)).to(device)
    if cfg.freeze_embeddings:
        model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    if cfg.linear_probe:
        probe = [e for e in base if e.star >= 0][: cfg.linear_probe]
        lp_loss = fit_linear_probe(model, probe, cfg, tokenizer.pad_token_id or 0, device)
        log(f"linear probe on {len(probe)} reviews: loss {lp_loss:.4f} ({(time.perf_counter() - t_start) / 60:.1f} min)")
    model.train()
    n_views = min(len(views), int(round(cfg.sentence_views * len(base))))
    full_epochs = math.ceil(cfg.epochs)
    # word views per epoch: all of them, but never more than the sentence views, so a
    # small brand data set is not swamped by the lexicon (a seeded shuffle picks which)
    n_words = min(len(words), int(round(cfg.sentence_views * len(base))))
    if n_words < len(words):
        random.Random(cfg.seed).shuffle(words)
    per_epoch = math.ceil((len(base) + n_views + n_words) / cfg.batch_size)
    total_steps = max(1, int(round(per_epoch * cfg.epochs)))
    optimizer = torch.optim.AdamW(param_groups(model, cfg), betas=(0.9, 0.999), eps=1e-6)
    warm = max(1, int(cfg.warmup * total_steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (total_steps - s) / max(1, total_steps - warm)))
    )
    log(f"training on {len(base)} reviews + {n_views} sentence views/epoch (pool {len(views)}) "
        f"+ {n_words} lexicon words/epoch, {total_steps} steps of {cfg.batch_size}, device {device}, "
        f"{torch.get_num_threads()} threads")
    ema = WeightAverage(model, cfg.ema) if cfg.ema else None
    t0 = t_start
    t_loop = time.perf_counter()
    step = 0
    running = 0.0
    for epoch in range(full_epochs):
        start = (epoch * n_views) % max(1, len(views))
        chosen = (views[start:] + views[:start])[:n_views]
        first = (epoch * n_words) % max(1, len(words))
        chosen += (words[first:] + words[:first])[:n_words]
        batches = bucketed_batches(base + chosen, cfg.batch_size, rng)
        for batch in batches:
            if step >= total_steps:
                break
            inputs = collate(batch, tokenizer.pad_token_id or 0, device)
            logits = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).logits
            loss = loss_fn(logits, inputs, cfg)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            if ema is not None:
                ema.update(model, step, warm)
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0 or step == total_steps:
                el = time.perf_counter() - t0
                per_step = (time.perf_counter() - t_loop) / step
                log(f"step {step}/{total_steps} epoch {epoch + 1} loss {running:.4f} "
                    f"{el / 60:.1f} min (eta {per_step * (total_steps - step) / 60:.1f} min)")
    if ema is not None:
        ema.copy_to(model)
        log(f"weights: exponential moving average (decay {cfg.ema}) of steps {warm}-{total_steps}")
    model.eval()
    minutes = (time.perf_counter() - t0) / 60
    spec = ModelSpec(training={"config": asdict(cfg), "train_reviews": len(base),
                               "holdout_reviews": len(hold_i), "steps": total_steps,
                               "minutes": round(minutes, 2), "device": str(device),
                               "threads": torch.get_num_threads()})
    spec.trained_params = [n for n, p in model.named_parameters() if p.requires_grad]
    stats = {"minutes": minutes, "holdout": ([cleaned[i] for i in hold_i], [star_idx[i] + 1 for i in hold_i])}
    return model.cpu(), spec, stats
