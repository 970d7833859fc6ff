"""Map any checkpoint's output labels onto umot's three labels and a star scale.

Hugging Face sentiment checkpoints name their classes in many ways ("NEGATIVE",
"LABEL_0", "1 star", "very positive", ...). Each class is mapped to a polarity
(negative/neutral/positive) and a star value, so that every model yields the same
``p_negative, p_neutral, p_positive`` and an expected star rating.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")
NEG, NEU, POS = 0, 1, 2
# Star value given to a polarity-only class: the middle of its star band.
POLARITY_STARS = {NEG: 1.5, NEU: 3.0, POS: 4.5}
STAR_LABELS: tuple[str, ...] = ("1 star", "2 stars", "3 stars", "4 stars", "5 stars")


@dataclass(frozen=True)
class LabelMap:
    """Per output class: its polarity index (0/1/2) and its star value (1.0-5.0)."""

    polarity: tuple[int, ...]
    stars: tuple[float, ...]

    @property
    def num_labels(self) -> int:
        return len(self.polarity)


def star_polarity(star: int) -> int:
    """1-2 stars are negative, 3 neutral, 4-5 positive."""
    return NEG if star <= 2 else NEU if star == 3 else POS


_WORDS = {
    "very negative": (NEG, 1.0), "strongly negative": (NEG, 1.0), "terrible": (NEG, 1.0),
    "negative": (NEG, 1.5), "neg": (NEG, 1.5), "bad": (NEG, 1.5),
    "neutral": (NEU, 3.0), "neu": (NEU, 3.0), "mixed": (NEU, 3.0),
    "positive": (POS, 4.5), "pos": (POS, 4.5), "good": (POS, 4.5),
    "very positive": (POS, 5.0), "strongly positive": (POS, 5.0), "excellent": (POS, 5.0),
}
_STAR_RE = re.compile(r"^([1-5])(?:\s*(?:stars?|\*|★))?$")
_INDEX_RE = re.compile(r"^label[_ ]?(\d+)$")


def _by_position(index: int, n: int) -> tuple[int, float]:
    """Unnamed classes (LABEL_k): 2 -> neg/pos, 3 -> neg/neu/pos, 5 -> 1..5 stars."""
    if n == 2:
        return (NEG, 1.5) if index == 0 else (POS, 4.5)
    if n == 3:
        return index, POLARITY_STARS[index]
    if n == 5:
        return star_polarity(index + 1), float(index + 1)
    raise ValueError(f"cannot map unnamed label LABEL_{index} of a {n}-class model")


def label_names(id2label: Mapping[int, str] | Mapping[str, str] | None) -> list[str]:
    """A config's label names in index order (``id2label`` keys are ints, or strings from JSON)."""
    if id2label is None:
        raise ValueError("the model's config names no labels (no id2label)")
    by_index = {int(k): str(name) for k, name in id2label.items()}
    return [by_index[k] for k in sorted(by_index)]


def label_map(id2label: Mapping[int, str] | Mapping[str, str] | None) -> LabelMap:
    """Build the mapping from a config's ``id2label``; raise ``ValueError`` if unknown."""
    names = label_names(id2label)
    n = len(names)
    if n not in (2, 3, 5):
        raise ValueError(f"only 2-, 3- and 5-class sentiment models are supported, got {n} classes")
    polarity: list[int] = []
    stars: list[float] = []
    # Five polarity words (very negative .. very positive) are an ordinal 5-point scale.
    five_words = n == 5 and all(name.strip().lower().replace("_", " ") in _WORDS for name in names)
    for i, name in enumerate(names):
        key = name.strip().lower().replace("_", " ").replace("-", " ")
        key = re.sub(r"\s+", " ", key)
        if five_words:
            pol, star = star_polarity(i + 1), float(i + 1)
        elif key in _WORDS:
            pol, star = _WORDS[key]
        elif m := _STAR_RE.match(key):
            star_i = int(m.group(1))
            pol, star = star_polarity(star_i), float(star_i)
        elif m := _INDEX_RE.match(key.replace(" ", "_")):
            pol, star = _by_position(int(m.group(1)), n)
        else:
            raise ValueError(f"cannot map label {name!r} to negative/neutral/positive")
        polarity.append(pol)
        stars.append(star)
    if NEG not in polarity or POS not in polarity:
        raise ValueError(f"labels {names} lack a negative or a positive class")
    return LabelMap(tuple(polarity), tuple(stars))


def config_labels_error(path: Path) -> str | None:
    """Why checkpoint folder ``path``'s config.json names classes umot cannot map (nlp.labels), or None; where
    its id2label and num_labels disagree transformers versions differ on which wins: the loader decides."""
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the loader names a broken config.json
    id2label, n = (config.get("id2label"), config.get("num_labels")) if isinstance(config, dict) else (None, None)
    if id2label is None and isinstance(n, int):  # as transformers reads it: LABEL_0 .. LABEL_{n-1}
        id2label = {i: f"LABEL_{i}" for i in range(n)}
    if not isinstance(id2label, dict) or n not in (None, len(id2label)):
        return None
    try:
        label_map(id2label)
    except (ValueError, TypeError) as exc:
        return f"{path / 'config.json'}: {exc}"
    return None

