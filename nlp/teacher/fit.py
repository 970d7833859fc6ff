"""Fine-tune the teacher's top layers on cached frozen-layer outputs, and read its probabilities.

The examples, label schemes, class weights and loss are the student's
(``nlp.train_examples.file_examples``, ``nlp.losses.loss_fn``), so the teacher learns
the same task from the same rows; only the network and what it reads differ.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from nlp.batching import Example, bucketed_batches, collate
from nlp.losses import loss_fn
from nlp.optim import optimiser
from nlp.teacher.cache import HiddenCache, pad_ids
from nlp.teacher.net import TeacherNet, autocast

if TYPE_CHECKING:
    from nlp.train import TrainConfig


@dataclass
class TeacherConfig:
    """Teacher hyper-parameters; loss weights and class balance come from the student's TrainConfig."""

    top_layers: int = 4  # of 12: the rest are frozen and cached
    epochs: float = 2.0
    batch_size: int = 32
    max_length: int = 128
    lr: float = 1e-4  # top layer; each layer below x layer_decay
    head_lr: float = 1e-3
    layer_decay: float = 0.9
    weight_decay: float = 0.01
    warmup: float = 0.06
    seed: int = 13
    folds: int = 1  # > 1: each text's probabilities come from a teacher trained on the other folds (cross-fitting)
    precision: str = "fp32"  # "bf16": autocast matrix products to bfloat16 (AMX CPUs, GPUs); weights stay fp32

    def __post_init__(self) -> None:
        """Refuse settings that train nothing or fail late (``umot teacher`` says so first, in one line):
        0 epochs wrote untrained probabilities, batch size 0 divided by zero, max length 0 read no limit."""
        if not 0 < self.epochs < math.inf:
            raise ValueError(f"teacher epochs {self.epochs}: must be above 0 (and finite)")
        for name in ("batch_size", "max_length", "folds", "top_layers"):
            if getattr(self, name) < 1:
                raise ValueError(f"teacher {name} {getattr(self, name)}: must be at least 1")


@dataclass
class CachedExample(Example):
    """A training example whose frozen-layer outputs are row ``row`` of the cache."""

    row: int = -1


def fit_teacher(net: TeacherNet, examples: list[CachedExample], cache: HiddenCache, tcfg: TeacherConfig,
                loss_cfg: TrainConfig, *, log: Callable[[str], None] = print) -> dict:
    """AdamW over the top layers + head; returns steps and minutes."""
    rng = random.Random(tcfg.seed)
    torch.manual_seed(tcfg.seed)
    total = max(1, int(round(math.ceil(len(examples) / tcfg.batch_size) * tcfg.epochs)))
    opt, schedule, _ = optimiser(net, tcfg, total)
    device = next(net.parameters()).device
    net.train()
    t0, step, running = time.perf_counter(), 0, 0.0
    for epoch in range(math.ceil(tcfg.epochs)):
        for batch in bucketed_batches(list(examples), tcfg.batch_size, rng):
            if step >= total:
                break
            hidden, mask = cache.batch([e.row for e in batch])
            with autocast(device, tcfg.precision):
                logits = net.upper(hidden.to(device), mask.to(device))
            loss = loss_fn(logits.float(), collate(batch, 0, device), loss_cfg)
            loss.backward()
            nn.utils.clip_grad_norm_([p for p in net.parameters() if p.requires_grad], 1.0)
            opt.step()
            schedule.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 25 == 0 or step == total:
                el = time.perf_counter() - t0
                log(f"teacher step {step}/{total} epoch {epoch + 1} loss {running:.4f} {el / 60:.1f} min "
                    f"(eta {el / step * (total - step) / 60:.1f} min)")
    net.eval()
    return {"steps": total, "minutes": round((time.perf_counter() - t0) / 60, 2)}


@torch.no_grad()
def predict_cached(net: TeacherNet, cache: HiddenCache, rows: Sequence[int], batch_size: int = 64,
                   precision: str = "fp32") -> np.ndarray:
    """5-star probabilities (float32) of cached rows: the top layers only."""
    net.eval()
    device = next(net.parameters()).device
    out = np.zeros((len(rows), 5), dtype=np.float32)
    order = sorted(range(len(rows)), key=lambda k: int(cache.offsets[rows[k] + 1] - cache.offsets[rows[k]]))
    for start in range(0, len(order), batch_size):
        part = order[start : start + batch_size]
        hidden, mask = cache.batch([rows[k] for k in part])
        with autocast(device, precision):
            logits = net.upper(hidden.to(device), mask.to(device))
        out[part] = torch.softmax(logits.float(), -1).cpu().numpy()
    return out


@torch.no_grad()
def predict_ids(net: TeacherNet, ids: Sequence[Sequence[int]], pad_id: int, batch_size: int = 32,
                precision: str = "fp32") -> np.ndarray:
    """5-star probabilities of uncached texts (held-out rows): every layer."""
    net.eval()
    device = next(net.parameters()).device
    out = np.zeros((len(ids), 5), dtype=np.float32)
    order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
    for start in range(0, len(order), batch_size):
        part = order[start : start + batch_size]
        input_ids, mask = pad_ids([ids[k] for k in part], pad_id)
        with autocast(device, precision):
            logits = net(input_ids.to(device), mask.to(device))
        out[part] = torch.softmax(logits.float(), -1).cpu().numpy()
    return out
