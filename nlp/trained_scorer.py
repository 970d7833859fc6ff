"""A scorer for a model still in memory, built the way ``umot score`` builds one from disk.

Training measures its models before anyone loads them (``nlp.save_and_measure``),
so it needs the same ``Scorer`` the shipped model gets: same tokenizer, label
map, token budget and thresholds, and the same ONNX Runtime int8 export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from nlp.model_spec import ModelSpec
from nlp.modeling import MeanPoolSentiment

if TYPE_CHECKING:
    from nlp.scorer import Scorer


def scorer_for(model: MeanPoolSentiment, spec: ModelSpec, version: str, *, onnx: bool = True) -> Scorer:
    """The model as `umot score` runs it: ONNX Runtime int8 when available (and ``onnx``), else PyTorch fp32.

    ``version`` keys the cached ONNX export: give the saved weights' version, never a made-up one."""
    from transformers import AutoTokenizer

    from nlp import onnx_backend
    from nlp.base_checkpoint import base_model_dir
    from nlp.labels import label_map
    from nlp.scorer import Scorer

    runner = None
    if onnx and onnx_backend.available():
        runner = onnx_backend.runner_for(model, version, quantized=True, threads=torch.get_num_threads())
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    return Scorer(model, tokenizer, label_map(model.config.id2label), version=version, runner=runner,
                  max_length=spec.max_length, head_tokens=spec.head_tokens,
                  detractor_threshold=spec.detractor_threshold, mismatch_threshold=spec.mismatch_threshold)
