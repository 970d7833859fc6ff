"""The teacher's probabilities per training text: what `make teacher` writes and students read.

One ``.npz``: ``keys`` (uint64, sorted: the first 8 bytes of the SHA-1 of the
text after NFKC and whitespace collapsing; case is kept, it carries sentiment),
``probs`` (float16, 5 star probabilities per key) and ``meta`` (JSON: which
teacher, how trained). 18 bytes a text: 0.63 MB for the 37,075 distinct
texts of `make model` (nlp/teacher_probs.npz), small enough to commit, so the students are reproducible without
the teacher. A 64-bit prefix makes a collision among 10^5 texts ~1e-9 likely.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

_SPACES = re.compile(r"\s+")


def text_key(text: str) -> int:
    """The 64-bit key of a text: re-spaced or NFKC-equivalent copies share it."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return int.from_bytes(hashlib.sha1(normal.encode("utf-8")).digest()[:8], "big")


@dataclass
class TeacherProbs:
    """Sorted keys and their star probabilities; :meth:`get` looks a text up."""

    keys: np.ndarray  # uint64, sorted, unique
    probs: np.ndarray  # float16, (len(keys), 5)
    meta: dict = field(default_factory=dict)

    def get(self, text: str) -> np.ndarray | None:
        """The teacher's 5 probabilities for ``text`` (float32), or None if the file has no such text."""
        key = np.uint64(text_key(text))
        i = int(np.searchsorted(self.keys, key))
        if i < len(self.keys) and self.keys[i] == key:
            return self.probs[i].astype(np.float32)
        return None

    def __len__(self) -> int:
        return len(self.keys)

    def attach(self, examples: Sequence, texts: Sequence[str]) -> int:
        """Set ``soft`` on each example whose text (same position in ``texts``) is in the file; how many."""
        if len(examples) != len(texts):
            raise ValueError(f"{len(examples)} examples but {len(texts)} texts")
        found = 0
        for example, text in zip(examples, texts):
            probs = self.get(text)
            if probs is not None:
                example.soft = probs.tolist()
                found += 1
        return found


def save_probs(path: Path, texts: Sequence[str], probs: np.ndarray, meta: dict | None = None) -> TeacherProbs:
    """Write probabilities for ``texts`` (duplicates keep their first row) to ``path``."""
    if len(texts) != len(probs) or (len(probs) and np.asarray(probs).shape[1] != 5):
        raise ValueError(f"{len(texts)} texts but probabilities of shape {np.asarray(probs).shape}")
    keys = np.array([text_key(t) for t in texts], dtype=np.uint64)
    keys, first = np.unique(keys, return_index=True)
    table = TeacherProbs(keys, np.asarray(probs, dtype=np.float16)[first].reshape(-1, 5), meta or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:  # a file object: numpy would append .npz to any other name
        np.savez_compressed(f, keys=table.keys, probs=table.probs, meta=np.array(json.dumps(table.meta)))
    return table


def load_probs(path: Path) -> TeacherProbs:
    """Read a file written by :func:`save_probs`; ``ValueError`` naming the file if it is not one."""
    try:
        with np.load(path, allow_pickle=False) as data:
            keys, probs, meta = data["keys"], data["probs"], json.loads(str(data["meta"]))
    except (OSError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: not a teacher probabilities file ({exc})") from None
    if keys.dtype != np.uint64 or probs.shape != (len(keys), 5) or np.any(keys[1:] <= keys[:-1]):
        raise ValueError(f"{path}: not a teacher probabilities file (bad keys or probabilities)")
    return TeacherProbs(keys, probs, meta)
