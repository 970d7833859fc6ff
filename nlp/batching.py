"""Training examples and their batches: head+tail truncation, length buckets, dynamic padding.

Most texts are short, so sorting by length within chunks and padding each
batch only to its longest member is what makes an epoch cheap on a CPU.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import torch

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase


@dataclass
class Example:
    """One training text and what it is trained on (-1: not this loss)."""

    ids: list[int]
    star: int  # 0-4: 5-star soft-label loss
    polarity: int  # 0 negative, 1 positive: loss on p(1-2*) vs p(4-5*)
    three: int = -1  # 0/1/2: loss on p(1-2*), p(3*), p(4-5*)
    weight: float = 1.0
    soft: list[float] | None = None  # a stored teacher's 5 star probabilities (``--teacher-probs``)


def encode(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], max_length: int) -> list[list[int]]:
    """Token ids; texts longer than ``max_length`` keep their head (5/8) and tail."""
    if not texts:
        return []
    ids = tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]
    head = max_length * 5 // 8
    tail = max_length - head
    return [s if len(s) <= max_length else s[:head] + s[-tail:] for s in ids]


AnyExample = TypeVar("AnyExample", bound=Example)


def bucketed_batches(examples: list[AnyExample], batch_size: int, rng: random.Random) -> list[list[AnyExample]]:
    """Shuffle, sort within chunks of 50 batches by length, shuffle the batches."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[AnyExample]] = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: len(examples[i].ids))
        batches += [[examples[i] for i in part[j : j + batch_size]] for j in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(batch: Sequence[Example], pad_id: int, device: torch.device | str) -> dict:
    """Padded ids, mask and every target of a batch as tensors."""
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, e in enumerate(batch):
        ids[row, : len(e.ids)] = torch.tensor(e.ids)
        mask[row, : len(e.ids)] = 1
    out = {
        "input_ids": ids.to(device), "attention_mask": mask.to(device),
        "star": torch.tensor([e.star for e in batch], device=device),
        "polarity": torch.tensor([e.polarity for e in batch], device=device),
        "three": torch.tensor([e.three for e in batch], device=device),
        "weight": torch.tensor([e.weight for e in batch], dtype=torch.float, device=device),
    }
    if any(e.soft is not None for e in batch):  # rows without stored probabilities: zeros, no soft loss
        out["soft"] = torch.tensor([e.soft or [0.0] * 5 for e in batch], dtype=torch.float, device=device)
    return out
