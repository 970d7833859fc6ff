"""The frozen layers' outputs, computed once per text and stored in float16.

Fine-tuning only the top layers means the bottom ones give the same outputs
every epoch: running them once (two thirds of the teacher's FLOPs) and reading
them back makes each epoch ~3x cheaper on a CPU. One flat (tokens x hidden)
float16 array with per-text offsets, in memory or, for the full training set
(several GB), a memory-mapped ``.npy`` file.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch

from nlp.teacher.net import TeacherNet, autocast

NPY_MAGIC = b"\x93NUMPY"  # how every .npy file begins


def reuse_problem(path: Path) -> str | None:
    """Why the cache may not be written at ``path`` (it is emptied first), or None: an existing file must be
    an earlier cache (an .npy array) or empty, never a file given by mistake (a --data file)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(NPY_MAGIC))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    if head and head != NPY_MAGIC:
        return "exists and is not an .npy cache, so writing the cache would overwrite it; give a new file"
    return None


def pad_ids(ids: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Padded ids and attention mask of a batch of token id lists."""
    width = max(len(s) for s in ids)
    out = torch.full((len(ids), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for row, s in enumerate(ids):
        out[row, : len(s)] = torch.tensor(list(s))
        mask[row, : len(s)] = 1
    return out, mask


class HiddenCache:
    """Per text, its frozen-layer outputs ((length, hidden) float16); a ``path`` that holds anything but an
    earlier cache raises ValueError before it is touched."""

    def __init__(self, lengths: Sequence[int], hidden: int, path: Path | None = None) -> None:
        self.offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        shape = (int(self.offsets[-1]), hidden)
        if path is None:
            self.data = np.empty(shape, dtype=np.float16)
        else:
            if problem := reuse_problem(path):
                raise ValueError(f"hidden cache {path}: {problem}")
            path.parent.mkdir(parents=True, exist_ok=True)
            self.data = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=shape)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def put(self, row: int, states: np.ndarray) -> None:
        self.data[self.offsets[row] : self.offsets[row + 1]] = states

    def batch(self, rows: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
        """Padded float32 states and their mask for ``rows``."""
        lengths = [int(self.offsets[r + 1] - self.offsets[r]) for r in rows]
        out = torch.zeros((len(rows), max(lengths), self.data.shape[1]))
        mask = torch.zeros((len(rows), max(lengths)), dtype=torch.long)
        for k, (r, n) in enumerate(zip(rows, lengths)):
            out[k, :n] = torch.from_numpy(np.asarray(self.data[self.offsets[r] : self.offsets[r] + n], dtype=np.float32))
            mask[k, :n] = 1
        return out, mask


def build_cache(net: TeacherNet, ids: Sequence[Sequence[int]], pad_id: int, *, path: Path | None = None,
                batch_size: int = 32, precision: str = "fp32", log: Callable[[str], None] = print) -> HiddenCache:
    """Run the frozen layers once over every text (length-sorted batches, little padding)."""
    cache = HiddenCache([len(s) for s in ids], net.config.hidden_size, path)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    device = next(net.parameters()).device
    net.eval()
    t0 = time.perf_counter()
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        input_ids, mask = pad_ids([ids[r] for r in rows], pad_id)
        with autocast(device, precision):
            states = net.lower(input_ids.to(device), mask.to(device)).to(torch.float16).cpu().numpy()
        for k, r in enumerate(rows):
            cache.put(r, states[k, : len(ids[r])])
        done = start + len(rows)
        if done % (batch_size * 25) < batch_size or done == len(order):
            el = time.perf_counter() - t0
            log(f"teacher cache: {done}/{len(order)} texts, {el / 60:.1f} min ({done / max(el, 1e-9):.0f} texts/s)")
    return cache
