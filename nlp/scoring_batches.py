"""The scorer's input side: token ids cut to head + tail, grouped into small padded batches.

Speed on a CPU comes from here, not from a smaller model: texts are tokenised
once, long ones keep their head and tail (the verdict is often in the last
sentence), batches are sorted by length, padded only to their longest member
and kept small (~1,000 tokens: their activations stay in the CPU's cache, which
measured ~15% faster than 4,096-token batches). ``bench/score.py`` measures it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

#: One batch: the rows (indices into the encoded texts) it holds, and its padded ``input_ids`` / ``attention_mask``.
Batch = tuple[list[int], dict[str, np.ndarray]]


def encode_head_tail(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], max_length: int,
                     head_tokens: int) -> list[list[int]]:
    """Token ids with special tokens; texts over ``max_length`` keep ``head_tokens`` and the tail.

    The first and last ids (CLS/SEP, <s>/</s>) are kept as they are, so the
    network sees a well-formed sequence whichever middle part was dropped.
    """
    ids = tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]
    head = head_tokens + 1
    tail = max_length - head
    return [seq if len(seq) <= max_length else seq[:head] + seq[-tail:] for seq in ids]


def length_sorted_batches(encoded: list[list[int]], *, batch_size: int, max_batch_tokens: int,
                          pad_id: int) -> Iterator[Batch]:
    """Length-sorted batches of at most ``batch_size`` rows and ``max_batch_tokens`` tokens.

    Short texts go ``batch_size`` at a time, long ones in smaller groups: every
    batch's activations stay about the same (small) size, and padding stays low
    because neighbours in the sort have similar lengths. A text longer than the
    budget still gets a batch of its own.
    """
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    groups: list[list[int]] = [[]]
    for i in order:
        group = groups[-1]
        if group and (len(group) >= batch_size or (len(group) + 1) * len(encoded[i]) > max_batch_tokens):
            groups.append([i])
        else:
            group.append(i)
    for idx in groups:
        if not idx:
            continue
        width = max(len(encoded[i]) for i in idx)
        input_ids = np.full((len(idx), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            seq = encoded[i]
            input_ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        yield idx, {"input_ids": input_ids, "attention_mask": mask}
