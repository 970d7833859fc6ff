"""``ModelSpec``: what a trained umot model is, stored beside its weights as ``umot_model.json``.

The spec names the base package and version the weights overlay, the labels
and layers, and the settings the scorer must use with them (token budget,
detractor thresholds), so a model directory is self-describing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nlp.base_checkpoint import BASE_PACKAGE
from nlp.labels import STAR_LABELS

CONFIG_FILE = "umot_model.json"
FORMAT = "umot-overlay/1"


@dataclass
class ModelSpec:
    """Everything needed to rebuild a trained model, stored as ``umot_model.json``."""

    name: str = "umot-minilm-sentiment"
    format: str = FORMAT
    base_package: str = BASE_PACKAGE
    base_version: str = ""
    labels: list[str] = field(default_factory=lambda: list(STAR_LABELS))
    pooling: str = "mean"
    num_layers: int = 6  # encoder layers (the distilled fast model keeps fewer)
    max_length: int = 128  # tokens the scorer reads (as in training): head + tail of longer texts
    head_tokens: int = 80
    detractor_threshold: float = 0.5  # p_negative above which text alone makes a detractor
    mismatch_threshold: float = 0.8  # p_negative above which a 4-5* review is a mismatch
    trained_params: list[str] = field(default_factory=list)
    training: dict = field(default_factory=dict)

    def save(self, directory: Path) -> None:
        (directory / CONFIG_FILE).write_text(json.dumps(asdict(self), indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path) -> ModelSpec:
        """Read a spec; keys this version does not know (written by a newer umot) are ignored."""
        data = json.loads((directory / CONFIG_FILE).read_text())
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
