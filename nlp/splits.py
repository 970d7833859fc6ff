"""Held-out splits and capped samples of a training file, stratified by label and seeded.

The held-out split is drawn first and never depends on the cap, so a file's
held-out rows stay the same whatever share of the rest a run trains on: runs
with different caps or mixes are compared on the same rows.

The split walks one seeded permutation of the rows and keeps the first
``share`` of each label: for a balanced file (MARC) the held-out rows then
include the first ``share × n`` rows of that permutation, which is how earlier
single-file runs (v3's ``split_holdout``, since removed) held out their rows.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nlp.sources import LabelledFile


def stratified_split(labels: Sequence[int], share: float, seed: int) -> tuple[list[int], list[int]]:
    """(train rows, held-out rows): ``share`` of each label held out, at least one row trained on."""
    if not 0 <= share < 1:
        raise ValueError(f"held-out share {share} must be within 0-1")
    order = list(range(len(labels)))
    random.Random(seed).shuffle(order)
    quota = {label: math.floor(share * n + 0.5) for label, n in Counter(labels).items()}
    taken: Counter = Counter()
    held: list[int] = []
    kept: list[int] = []
    for i in order:
        if taken[labels[i]] < quota[labels[i]]:
            taken[labels[i]] += 1
            held.append(i)
        else:
            kept.append(i)
    if not kept:  # a file too small to split: train on all of it
        return sorted(held), []
    return sorted(kept), sorted(held)


def label_quotas(sizes: Mapping[int, int], cap: int) -> dict[int, int]:
    """Each label's share of ``cap`` rows, summing to exactly ``cap`` (largest remainder): rounding each
    share alone took 4 rows of 4 balanced labels for a cap of 2. Ties go to the lower label."""
    total = sum(sizes.values())
    exact = {label: cap * n / total for label, n in sizes.items()}
    quota = {label: math.floor(share) for label, share in exact.items()}
    by_remainder = sorted(sizes, key=lambda label: (quota[label] - exact[label], label))
    for label in by_remainder[: cap - sum(quota.values())]:
        quota[label] += 1
    return quota


def capped_sample(rows: Sequence[int], labels: Sequence[int], cap: int | None, seed: int) -> list[int]:
    """Exactly ``cap`` of ``rows`` (all of them if fewer or no cap), each label keeping its share (seeded)."""
    if cap is None or cap >= len(rows):
        return list(rows)
    by_label: dict[int, list[int]] = {}
    for i in rows:
        by_label.setdefault(labels[i], []).append(i)
    quota = label_quotas({label: len(group) for label, group in by_label.items()}, cap)
    rng = random.Random(seed)
    chosen: list[int] = []
    for label in sorted(by_label):
        group = by_label[label]
        rng.shuffle(group)
        chosen += group[: quota[label]]
    return sorted(chosen)


def class_weights(labels: Sequence[int], power: float) -> dict[int, float]:
    """Per label, a weight proportional to frequency ** -power, averaging 1 over the rows.

    0 = every row counts the same; 0.5 (inverse square root) tempers skewed
    files (app reviews are two thirds 5*) without letting a rare class dominate.
    """
    counts = Counter(labels)
    raw = {label: n ** -power for label, n in counts.items()}
    mean = sum(raw[label] * n for label, n in counts.items()) / max(1, len(labels))
    return {label: w / mean for label, w in raw.items()}


@dataclass
class FileSplit:
    """A training file with the rows a run trains on and the rows it holds out."""

    file: LabelledFile
    train: list[int]
    held: list[int]
    share: float

    def train_texts(self) -> list[str]:
        return [self.file.texts[i] for i in self.train]

    def held_texts(self) -> list[str]:
        return [self.file.texts[i] for i in self.held]

    def held_labels(self) -> list[int]:
        return [self.file.labels[i] for i in self.held]


def split_files(files: Sequence[LabelledFile], seed: int, share: float,
                shares: Mapping[str, float] | None = None, caps: Mapping[str, int] | None = None) -> list[FileSplit]:
    """Each file's held-out split (its own share, else ``share``) and its capped training rows."""
    shares, caps = shares or {}, caps or {}
    out = []
    for f in files:
        own = shares.get(f.name, share)
        train, held = stratified_split(f.labels, own, seed)
        out.append(FileSplit(f, capped_sample(train, f.labels, caps.get(f.name), seed), held, own))
    return out


def trained_held_out(splits: Sequence[FileSplit]) -> dict[str, int]:
    """Per file, its held-out rows whose text is also trained on (a duplicate, in any file); files with none
    are left out. Such rows flatter the held-out figures (and the detractor threshold chosen on them); the
    split does not drop them, so that the shipped models' split and figures stay reproducible, but a run
    says how many there are."""
    trained = {text for s in splits for text in s.train_texts()}
    counts = {s.file.name: sum(text in trained for text in s.held_texts()) for s in splits}
    return {name: n for name, n in counts.items() if n}
