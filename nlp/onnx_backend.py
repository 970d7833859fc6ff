"""ONNX Runtime inference: the same network, exported once and cached, optionally int8.

ONNX Runtime fuses LayerNorm, GELU and the int8 matrix products
(DynamicQuantizeMatMul) when it loads the graph (all but its SkipLayerNorm
fusion, which measured slower), and runs int8 well on x86
CPUs, where PyTorch's eager int8 (quantize_dynamic) gains little. The export
traces the model's plain ("eager") attention, which ONNX Runtime runs ~13%
faster than the graph traced from PyTorch's scaled-dot-product attention.
The offline transformer optimiser (``onnxruntime.transformers``: fused
Attention/QAttention) measured slower on these short reviews and is not used
(nlp/EXPERIMENTS.md). The export is built on first use from the loaded weights
and cached under UMOT_CACHE_DIR (default ``~/.cache/umot``), keyed by the model
version, so nothing extra is shipped in the repository."""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch

from core.settings import get_settings

EXPORT_TAG = "x4"  # bump when the export changes, so stale cached files are not reused (x4: exports of
# a training run's model were made from its float32 weights, not the float16 ones saved under the same version)
# ONNX Runtime's fused SkipLayerNormalization kernel cost ~13% of the int8 model's CPU time
# here; the Add + LayerNormalization it replaces run faster (same accuracy; no change in fp32).
DISABLED_OPTIMIZERS = ["SkipLayerNormFusion"]


def available() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def cache_dir() -> Path:
    """Where exports are kept (UMOT_CACHE_DIR, ``~/.cache/umot`` by default)."""
    return get_settings().cache_dir


class _Logits(torch.nn.Module):
    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits


def export(model: torch.nn.Module, path: Path, *, quantized: bool) -> Path:
    """Write ``model`` as ONNX (dynamic batch and length), int8 weights if ``quantized``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    was_training = model.training
    model.eval()
    config = getattr(model, "config", None)
    attention = getattr(config, "_attn_implementation", None)
    if config is not None and attention is not None:
        config._attn_implementation = "eager"  # traced as plain ops that ONNX Runtime fuses and runs faster
    try:
        _export(model, path, quantized=quantized)
    finally:
        if config is not None and attention is not None:
            config._attn_implementation = attention
        model.train(was_training)
    return path


def _export(model: torch.nn.Module, path: Path, *, quantized: bool) -> None:
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


class OnnxRunner:
    """Callable batch -> logits (numpy), like the torch model's forward.

    Each run uses one thread; ``workers`` (the scorer's thread count) says how
    many batches the scorer may run at once (``Scorer._logits``). A session's
    ``run`` is thread-safe. Threads do not spin while waiting for work, which
    on a shared machine only takes CPU from the other jobs (and from our own
    second worker).
    """

    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.workers = max(1, int(threads))
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                            disabled_optimizers=DISABLED_OPTIMIZERS)
        self._inputs = [i.name for i in self.session.get_inputs()]

    def __call__(self, batch: dict) -> np.ndarray:
        feed = {name: np.asarray(batch[name], dtype=np.int64) for name in self._inputs}
        return self.session.run(None, feed)[0]


def runner_for(model: torch.nn.Module, version: str, *, quantized: bool, threads: int) -> OnnxRunner:
    """The cached ONNX export of ``model`` (built now if missing) as a runner."""
    safe = "".join(c if c.isalnum() or c in "-_.@" else "_" for c in version)
    path = cache_dir() / f"{safe}-{'int8' if quantized else 'fp32'}-{EXPORT_TAG}.onnx"
    if not path.exists():
        export(model, path, quantized=quantized)
    return OnnxRunner(path, threads)
