"""What a training run did, as typed data: the model card is rendered from it (``nlp.card``).

``umot train`` writes it next to the model (``training_summary.json``), so a
card can be re-rendered without retraining and tests can build one by hand.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

SUMMARY_FILE = "training_summary.json"


class DatasetUsed(BaseModel):
    """One training file: its scheme, how much of it was trained on and held out, where it comes from."""

    file: str
    scheme: str
    rows: int
    trained: int
    held_out: int
    held_out_share: float
    title: str | None = None  # known datasets (nlp.dataset_terms); None: the user's own data
    origin: str | None = None
    terms: str | None = None
    group: str = ""


class ModelResult(BaseModel):
    """One shipped model (full or fast) and its figures, measured as `umot score` runs it."""

    role: str  # "full" or "fast"
    directory: str
    version: str
    size_mb: float
    layers: int
    detractor_threshold: float
    scored_with: str = "ONNX Runtime int8"
    evaluation: dict[str, float | int | None] = Field(default_factory=dict)  # dev/test figures (nlp.evaluate.evaluate)
    heldout: dict[str, dict] = Field(default_factory=dict)  # training file or group -> metric -> value
    criterion: float | None = None  # mean headline figure over the training files' held-out splits


class TrainingSummary(BaseModel):
    """Everything the model card says about a run."""

    command: str
    machine: str
    datasets: list[DatasetUsed]
    from_db: dict | None = None
    config: dict
    distill: dict | None = None
    teacher: dict | None = None  # `--teacher-probs`: what the full model learned from a stored teacher
    steps: int
    train_minutes: float
    total_minutes: float
    device: str
    threads: int
    base_package: str
    base_version: str
    max_length: int
    head_tokens: int
    mismatch_threshold: float
    eval_dir: str | None = None
    models: list[ModelResult] = Field(default_factory=list)

    def model(self, role: str) -> ModelResult | None:
        return next((m for m in self.models if m.role == role), None)

    def save(self, directory: Path) -> None:
        (directory / SUMMARY_FILE).write_text(self.model_dump_json(indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path) -> TrainingSummary:
        return cls.model_validate_json((directory / SUMMARY_FILE).read_text())
