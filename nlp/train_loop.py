"""The optimisation loop shared by the full model (``nlp.train``) and the fast student (``nlp.distill``).

Deterministic for a seed on one device: seeded shuffles, deterministic kernels,
length-bucketed batches with dynamic padding (``nlp.batching``).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from nlp.batching import Example, bucketed_batches, collate
from nlp.losses import loss_fn, mixed_targets
from nlp.optim import WeightAverage, optimiser

if TYPE_CHECKING:
    from nlp.train import TrainConfig


class TrainingDiverged(ArithmeticError):
    """A step the optimiser cannot take: a learning rate so high (``--set lr=1e38``) that the update
    overflows float32. Raised before anything is saved, so the caller reports it in one line."""


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
            try:
                opt.step()
            except RuntimeError as exc:  # torch: "value cannot be converted to type float without overflow"
                if "overflow" not in str(exc):
                    raise
                raise TrainingDiverged(f"training diverged (a step overflowed float32) at lr {cfg.lr}, head_lr "
                                       f"{cfg.head_lr}: lower them with --set lr=... / --set head_lr=... "
                                       "(--fast-lr for the fast model)") from None
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
