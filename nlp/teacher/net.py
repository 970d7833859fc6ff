"""The teacher network: mpnet encoder + mean pooling + a 5-star head, split at the frozen layers.

``lower`` runs the embeddings and the frozen bottom layers (once per text: the
outputs are cached), ``upper`` runs the trained top layers, pooling and head
on those outputs. Parameter names keep ``.encoder.layer.N.`` and
``classifier.`` so ``nlp.optim`` gives the same layer-wise learning rates as
for the student; the relative-position bias, used by every layer, stays frozen.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn
from transformers import MPNetConfig, MPNetModel
from transformers.masking_utils import create_bidirectional_mask

from nlp.labels import STAR_LABELS

PRECISIONS = ("fp32", "bf16")


def autocast(device: torch.device, precision: str) -> torch.autocast:
    """bfloat16 autocast on ``device`` when ``precision`` is "bf16" (~2x faster on AMX CPUs), else a no-op."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision {precision!r}: must be one of {', '.join(PRECISIONS)}")
    return torch.autocast(device.type, dtype=torch.bfloat16, enabled=precision == "bf16")


class TeacherNet(nn.Module):
    """mpnet + mean pooling + dropout + linear head; the bottom ``len(layers) - top_layers`` layers frozen."""

    def __init__(self, config: MPNetConfig, top_layers: int = 4) -> None:
        super().__init__()
        self.config = config
        self.mpnet = MPNetModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, len(STAR_LABELS))
        self.split = config.num_hidden_layers - top_layers
        for name, p in self.mpnet.named_parameters():
            trained = ".layer." in name and int(name.split(".layer.")[1].split(".")[0]) >= self.split
            p.requires_grad_(trained)

    def _run(self, hidden: torch.Tensor, mask: torch.Tensor, layers: range) -> torch.Tensor:
        enc = self.mpnet.encoder
        bias = enc.compute_position_bias(hidden)
        full_mask = create_bidirectional_mask(config=self.config, inputs_embeds=hidden, attention_mask=mask)
        for k in layers:
            hidden = enc.layer[k](hidden, full_mask, bias)[0]
        return hidden

    @torch.no_grad()
    def lower(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Outputs of the frozen layers (what the cache stores)."""
        return self._run(self.mpnet.embeddings(input_ids=input_ids), mask, range(self.split))

    def upper(self, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """5-star logits from the frozen layers' outputs."""
        out = self._run(hidden, mask, range(self.split, self.config.num_hidden_layers))
        m = mask.unsqueeze(-1).to(out.dtype)
        pooled = (out * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.classifier(self.dropout(pooled))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(input_ids, attention_mask), attention_mask)


def load_teacher(model_dir: Path, top_layers: int = 4) -> TeacherNet:
    """The verified checkpoint in ``model_dir`` with a fresh head (seeded)."""
    from safetensors.torch import load_file

    config = MPNetConfig.from_pretrained(model_dir, local_files_only=True)
    torch.manual_seed(0)
    net = TeacherNet(config, top_layers)
    state = load_file(str(model_dir / "model.safetensors"))
    missing, unexpected = net.mpnet.load_state_dict(
        {k: v for k, v in state.items() if not k.startswith("pooler.") and "position_ids" not in k}, strict=False)
    missing = [k for k in missing if "position_ids" not in k]
    if missing or unexpected:
        raise RuntimeError(f"{model_dir}: mpnet weights do not fit: missing {missing}, unexpected {unexpected}")
    return net
