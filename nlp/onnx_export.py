"""The ONNX export of a sentiment network: traced once, optionally quantised to int8 weights.

The export traces the model's plain ("eager") attention, which ONNX Runtime
runs ~13% faster than the graph traced from PyTorch's scaled-dot-product
attention. The offline transformer optimiser (``onnxruntime.transformers``:
fused Attention/QAttention) measured slower on these short reviews and is not
used (nlp/EXPERIMENTS.md). ``nlp.onnx_backend`` caches the file and runs it.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import torch

EXPORT_TAG = "x4"  # bump when the export changes, so stale cached files are not reused (x4: exports of
# a training run's model were made from its float32 weights, not the float16 ones saved under the same version)


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
        with result.open("rb") as done:
            os.fsync(done.fileno())  # on disk before it is named: a crash after the rename leaves no cut file
        os.replace(result, path)  # atomic: concurrent loaders see a whole file or none
