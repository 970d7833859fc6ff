"""What the scoring benchmark compares (``bench/score.py``): its variants, its target and its settings."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "marc_en_dev.csv.gz"
CARD = ROOT / "nlp" / "MODEL_CARD.md"
TARGET_RATIO = 7.0
SHIPPED = "onnx-int8"  # what `umot score` runs by default
VARIANTS = [
    ("pipeline", "transformers pipeline, default batch size, fp32"),
    ("pipeline-1thread", "the same pipeline on one thread (context: a one-core figure that other jobs' load hardly moves)"),
    ("torch-fp32", "umot scorer on PyTorch: length-sorted batches (<= 32 rows, <= 1024 tokens), dynamic padding, head+tail 128 tokens (the training length), fp32"),
    ("torch-int8", "the same + PyTorch int8 dynamic quantisation (quantize_dynamic)"),
    ("onnx-fp32", "the same batching on ONNX Runtime, fp32, one batch per core"),
    ("onnx-int8-1core", "ONNX Runtime int8 per-channel weights, one core only (one batch at a time)"),
    ("onnx-int8", "ONNX Runtime int8 per-channel weights, one batch per core (`umot score` as shipped)"),
    ("onnx-int8-full", "the same on the full model (`umot score --model full`)"),
]
# the pipeline and `-full` variants run the full model; the others the model under test (the shipped default)
ON_FULL_MODEL = ("pipeline", "pipeline-1thread", "onnx-int8-full")


class BenchSettings(BaseSettings):
    """``UMOT_BENCH_*``: what this benchmark runs (read once, in :func:`bench.score.main` and its workers)."""

    model_config = SettingsConfigDict(env_prefix="UMOT_BENCH_", env_ignore_empty=True, extra="ignore")

    model: str | None = None  # None: the scorer's model (UMOT_MODEL or the shipped one)
    data: Path = DATA
    n: int = 1000
    rounds: int = 1
    variants: str = ""  # comma-separated subset of VARIANTS
