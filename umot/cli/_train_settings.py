"""``umot train``'s hyper-parameters (``--epochs`` ... and ``--set FIELD=VALUE``) parsed and range-checked.

A value the run cannot use (``--epochs 0``, ``--batch-size 0``, ``--set lr=nan``,
``--set freeze_embeddings=maybe``) costs one line before any file is read, not a
model saved untrained, a traceback mid-run, or a word quietly read as False.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from umot.cli._errors import fail

if TYPE_CHECKING:
    from nlp.train import TrainConfig

TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")
MAX_TOKENS = 512  # the base model's position embeddings

# field -> (is the value usable, what it must be); fields not named take any finite value of their type
LIMITS: dict[str, tuple[Callable[[float], bool], str]] = {
    "epochs": (lambda v: v > 0, "must be above 0"),
    "max_length": (lambda v: 3 <= v <= MAX_TOKENS, f"must be within 3-{MAX_TOKENS} (tokens the base model reads)"),
    "batch_size": (lambda v: v >= 1, "must be at least 1"),
    "seed": (lambda v: 0 <= v < 2**32, "must be within 0-4294967295"),
    "lr": (lambda v: v > 0, "must be above 0"),
    "head_lr": (lambda v: v > 0, "must be above 0"),
    "layer_decay": (lambda v: v > 0, "must be above 0"),
    "warmup": (lambda v: 0 <= v < 1, "must be within 0-1 (a share of the steps)"),
    "soft_labels": (lambda v: 0 <= v < 1, "must be within 0-1"),
    "ptb_share": (lambda v: 0 <= v <= 1, "must be within 0-1"),
    "ema": (lambda v: 0 <= v < 1, "must be within 0-1 (0 = off)"),
    "holdout": (lambda v: 0 <= v < 1, "the held-out share must be within 0-1 (e.g. 0.1)"),
}
NON_NEGATIVE = ("weight_decay", "polarity_weight", "three_weight", "class_balance", "sentence_views",
                "sentence_weight", "word_weight", "threads")


def _bool(value: str) -> bool:
    word = value.strip().lower()
    if word not in TRUE + FALSE:
        raise ValueError("not a bool (true/false, 1/0, yes/no)")
    return word in TRUE


def _float(value: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def check_value(field: str, value: Any, option: str) -> None:
    """Refuse (one line naming ``option``) a value outside the field's range, or one not finite."""
    if isinstance(value, float) and not math.isfinite(value):
        fail(f"{option}: not a finite number")
    usable, wanted = LIMITS.get(field, ((lambda v: v >= 0), "must be 0 or more") if field in NON_NEGATIVE
                                else (lambda v: True, ""))
    if not isinstance(value, bool) and isinstance(value, int | float) and not usable(value):
        fail(f"{option}: {wanted}")


def config_from(options: list[str], **known: Any) -> TrainConfig:
    """A TrainConfig from the named options and ``--set FIELD=VALUE`` pairs (checked against its fields)."""
    from dataclasses import fields

    from nlp.train import TrainConfig

    types = {f.name: str(f.type) for f in fields(TrainConfig)}  # "int", "float", "bool" (postponed annotations)
    values = dict(known)
    where = {name: f"--{name.replace('_', '-')} {value}" for name, value in known.items()}
    parsers: dict[str, Callable[[str], Any]] = {"int": int, "float": _float, "bool": _bool}
    for raw in options:
        key, sep, value = raw.partition("=")
        if not sep or key not in types:
            fail(f"--set {raw!r}: expected FIELD=VALUE with FIELD one of {', '.join(types)}")
        try:
            values[key] = parsers[types[key]](value)
        except ValueError as exc:
            reason = str(exc) if str(exc).startswith("not a ") else f"not a {types[key]}"
            fail(f"--set {raw!r}: {value!r} is {reason}")
        where[key] = f"--set {raw!r}"
    for key, value in values.items():
        check_value(key, value, where[key])
    return TrainConfig(**values)
