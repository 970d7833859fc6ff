"""ONNX Runtime inference: the same network, exported once and cached, optionally int8.

ONNX Runtime fuses attention, GELU and LayerNorm and runs int8 matrix products
well on AVX2 CPUs, where PyTorch's eager int8 (quantize_dynamic) gains nothing.
The export is built on first use from the loaded weights and cached under
UMOT_CACHE_DIR (default ``~/.cache/umot``), keyed by the model version, so
nothing extra is shipped in the repository.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch


EXPORT_TAG = "x2"  # bump when the export changes, so stale cached files are not reused


def available() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def cache_dir() -> Path:
    return Path(os.environ.get("UMOT_CACHE_DIR") or Path.home() / ".cache" / "umot").expanduser()


class _Logits(torch.nn.Module):
    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits


def export(model: torch.nn.Module, path: Path, *, quantized: bool) -> Path:
    """Write ``model`` as ONNX (dynamic batch and length), int8 weights if ``quantized``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    was_training = model.training
    model.eval()
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        fp32 = Path(tmp) / "model.onnx"
        ids = torch.ones(2, 16, dtype=torch.long)
        mask = torch.ones_like(ids)
        mask[1, 9:] = 0  # a padded row: no "mask is all ones" shortcut may be traced as a constant
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on shape checks that are constant for us
            torch.onnx.export(
                _Logits(model), (ids, mask), str(fp32),
                input_names=["input_ids", "attention_mask"], output_names=["logits"],
                dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                              "attention_mask": {0: "batch", 1: "length"}, "logits": {0: "batch"}},
                opset_version=17, dynamo=False,
            )
        result = Path(tmp) / "final.onnx"
        if quantized:
            import logging

            from onnxruntime.quantization import QuantType, quantize_dynamic

            logging.disable(logging.WARNING)  # "consider pre-processing": advice for static CNN quantisation
            try:
                quantize_dynamic(str(fp32), str(result), weight_type=QuantType.QInt8, per_channel=True)
            finally:
                logging.disable(logging.NOTSET)
        else:
            fp32.rename(result)
        os.replace(result, path)  # atomic: concurrent loaders see a whole file or none
    model.train(was_training)
    return path


class OnnxRunner:
    """Callable batch -> logits (numpy), like the torch model's forward."""

    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, batch: dict) -> np.ndarray:
        feed = {"input_ids": batch["input_ids"].numpy(), "attention_mask": batch["attention_mask"].numpy()}
        return self.session.run(None, feed)[0]


def runner_for(model: torch.nn.Module, version: str, *, quantized: bool, threads: int) -> OnnxRunner:
    """The cached ONNX export of ``model`` (built now if missing) as a runner."""
    safe = "".join(c if c.isalnum() or c in "-_.@" else "_" for c in version)
    path = cache_dir() / f"{safe}-{'int8' if quantized else 'fp32'}-{EXPORT_TAG}.onnx"
    if not path.exists():
        export(model, path, quantized=quantized)
    return OnnxRunner(path, threads)
