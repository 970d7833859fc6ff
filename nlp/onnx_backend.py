"""ONNX Runtime inference: the network exported once (``nlp.onnx_export``), cached, optionally int8.

ONNX Runtime fuses LayerNorm, GELU and the int8 matrix products
(DynamicQuantizeMatMul) when it loads the graph (all but its SkipLayerNorm
fusion, which measured slower), and runs int8 well on x86
CPUs, where PyTorch's eager int8 (quantize_dynamic) gains little. The export
is built on first use from the loaded weights and cached under UMOT_CACHE_DIR
(default ``~/.cache/umot``), keyed by the model version, so nothing extra is
shipped in the repository."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from core.settings import get_settings
from nlp.onnx_export import EXPORT_TAG, export

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
    """The cached ONNX export of ``model`` (built now if missing) as a runner.

    A cached file that does not load (cut by a full disk or a crash) is exported once more, over it
    (the export replaces the file atomically, never deleting it first: another process may have just
    put a good one there), so one damaged file never moves scoring to PyTorch for good; a new export
    that fails to load too raises.
    """
    safe = "".join(c if c.isalnum() or c in "-_.@" else "_" for c in version)
    path = cache_dir() / f"{safe}-{'int8' if quantized else 'fp32'}-{EXPORT_TAG}.onnx"
    if path.exists():
        try:
            return OnnxRunner(path, threads)
        except Exception:  # noqa: BLE001, S110 - onnxruntime's load errors (InvalidProtobuf, Fail) share no base
            pass
    export(model, path, quantized=quantized)
    return OnnxRunner(path, threads)
