"""Optimiser pieces: layer-wise learning-rate decay, warm-up + linear decay, weight averaging."""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

if TYPE_CHECKING:
    from nlp.teacher.fit import TeacherConfig
    from nlp.train import TrainConfig


def param_groups(model: nn.Module, cfg: TrainConfig | TeacherConfig) -> list[dict]:
    """AdamW groups: the head at ``head_lr``, each encoder layer ``layer_decay`` x the one above it."""
    n_layers = encoder_depth(model)
    groups: dict[tuple[float, float], list] = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if name.startswith("classifier."):
            lr = cfg.head_lr
        elif ".encoder.layer." in name:
            depth = int(name.split(".encoder.layer.")[1].split(".")[0])
            lr = cfg.lr * cfg.layer_decay ** (n_layers - 1 - depth)
        else:  # embeddings (positions, token types, LayerNorm)
            lr = cfg.lr * cfg.layer_decay ** n_layers
        wd = 0.0 if p.ndim == 1 else cfg.weight_decay
        groups.setdefault((lr, wd), []).append(p)
    return [{"params": ps, "lr": lr, "weight_decay": wd} for (lr, wd), ps in groups.items()]


def encoder_depth(model: nn.Module) -> int:
    """How many encoder layers ``model`` has, frozen ones included (parameters ``….encoder.layer.N.…``)."""
    depths = {int(name.split(".encoder.layer.")[1].split(".")[0])
              for name, _ in model.named_parameters() if ".encoder.layer." in name}
    return max(depths) + 1 if depths else 0


def optimiser(model: nn.Module, cfg: TrainConfig | TeacherConfig, total_steps: int) -> tuple[torch.optim.Optimizer, LambdaLR, int]:
    """AdamW with linear warm-up (``cfg.warmup`` of the steps) then linear decay to 0; returns the warm-up steps too."""
    opt = torch.optim.AdamW(param_groups(model, cfg), betas=(0.9, 0.999), eps=1e-6)
    warm = max(1, int(cfg.warmup * total_steps))
    schedule = LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total_steps - s) / max(1, total_steps - warm))))
    return opt, schedule, warm


class WeightAverage:
    """Exponential moving average of the trained parameters, started after warm-up.

    Averaging the weights along the end of the trajectory lands in a flatter
    region than the last step (Polyak averaging / SWA): usually a little better
    in-domain and more robust out of domain, at no training cost.
    """

    def __init__(self, model: nn.Module, decay: float) -> None:
        self.decay = decay
        self.shadow = {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}

    @torch.no_grad()
    def update(self, model: nn.Module, step: int, start: int) -> None:
        # before ``start`` (warm-up) the average just follows the weights; then its horizon
        # grows like 1/(steps averaged) until it reaches 1/(1 - decay)
        d = 0.0 if step <= start else min(self.decay, 1.0 - 1.0 / (step - start + 1))
        for n, p in model.named_parameters():
            if n in self.shadow:
                self.shadow[n].mul_(d).add_(p.detach(), alpha=1.0 - d)

    @torch.no_grad()
    def copy_to(self, model: nn.Module) -> None:
        for n, p in model.named_parameters():
            if n in self.shadow:
                p.copy_(self.shadow[n])
