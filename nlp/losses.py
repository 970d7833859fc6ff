"""The training loss: every label scheme trained into the one 5-star head.

- stars (and 5-class sentences): ordinal soft-label cross-entropy over 5 stars,
  plus ``polarity_weight`` x the polarity loss for 1-2* / 4-5*;
- polarity (binary labels, sentence views, lexicon words): -log p(1-2*) or
  -log p(4-5*) on the aggregated probabilities;
- three classes: cross-entropy over p(1-2*), p(3*), p(4-5*) (``three_weight``);
- a teacher's probabilities (distillation, or stored per text by `make teacher`):
  cross-entropy to them (``soft_weight``), optionally at a temperature T (both
  sides softened, scaled by T**2 as in Hinton et al. 2015).

So a tweet labelled "neutral" teaches p(3*) without claiming a star rating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

if TYPE_CHECKING:
    from nlp.train import TrainConfig


def soft_targets(stars: torch.Tensor, smoothing: float, n: int = 5) -> torch.Tensor:
    """Ordinal label smoothing: ``smoothing`` spread over the neighbouring stars."""
    target = torch.zeros(len(stars), n, device=stars.device)
    for i, s in enumerate(stars.tolist()):
        nbrs = [j for j in (s - 1, s + 1) if 0 <= j < n]
        target[i, s] = 1.0 - smoothing
        for j in nbrs:
            target[i, j] = smoothing / len(nbrs)
    return target


def grouped_logp(logp: torch.Tensor) -> torch.Tensor:
    """log p(negative), log p(neutral), log p(positive) from 5-star log-probabilities."""
    return torch.stack([torch.logsumexp(logp[:, :2], -1), logp[:, 2], torch.logsumexp(logp[:, 3:], -1)], -1)


def soft_loss(logp: torch.Tensor, logits: torch.Tensor, soft: torch.Tensor, temperature: float = 1.0) -> torch.Tensor:
    """Per-row cross-entropy to the teacher's probabilities ``soft`` (rows of zeros: no teacher, no loss).

    At ``temperature`` T != 1 the teacher's probabilities become p**(1/T) renormalised (its logits / T),
    the student's logits are divided by T too, and the loss is scaled by T**2 so its gradient keeps its size.
    ``logp`` (the log-softmax of ``logits``) is reused at T = 1, so the shipped recipe computes what it did."""
    if temperature == 1.0:
        return -(soft * logp).sum(-1)
    taught = soft.sum(-1, keepdim=True) > 0
    target = soft.clamp_min(1e-8) ** (1.0 / temperature)
    target = torch.where(taught, target / target.sum(-1, keepdim=True), torch.zeros_like(target))
    return -(target * torch.log_softmax(logits.float() / temperature, dim=-1)).sum(-1) * temperature**2


def mixed_targets(live: torch.Tensor, stored: torch.Tensor, mix: float) -> torch.Tensor:
    """``(1 - mix) * live + mix * stored`` on rows with stored probabilities; ``live`` alone on rows of zeros."""
    has = stored.sum(-1, keepdim=True) > 0
    return torch.where(has, (1 - mix) * live + mix * stored, live)


def loss_fn(logits: torch.Tensor, batch: dict, cfg: TrainConfig, soft_weight: float = 0.0, soft_temperature: float = 1.0) -> torch.Tensor:
    """Mean weighted loss of a batch (``cfg``: a TrainConfig's weights)."""
    logp = torch.log_softmax(logits.float(), dim=-1)
    grouped = grouped_logp(logp)
    weight = batch["weight"]
    total = torch.zeros((), device=logits.device)
    has_star = batch["star"] >= 0
    if has_star.any():
        target = soft_targets(batch["star"][has_star], cfg.soft_labels)
        total = total + (-(target * logp[has_star]).sum(-1) * weight[has_star]).sum()
    has_pol = batch["polarity"] >= 0
    if has_pol.any():
        g = grouped[has_pol]
        nll = -torch.where(batch["polarity"][has_pol] == 1, g[:, 2], g[:, 0])
        w = weight[has_pol] * torch.where(batch["star"][has_pol] >= 0, cfg.polarity_weight, 1.0)
        total = total + (nll * w).sum()
    has_three = batch["three"] >= 0
    if has_three.any():
        nll = -grouped[has_three].gather(1, batch["three"][has_three].unsqueeze(1)).squeeze(1)
        total = total + (nll * weight[has_three]).sum() * cfg.three_weight
    if soft_weight and "soft" in batch:  # a row without the teacher's probabilities has zeros: no soft loss
        total = total + soft_weight * soft_loss(logp, logits, batch["soft"], soft_temperature).sum()
    return total / len(batch["star"])
