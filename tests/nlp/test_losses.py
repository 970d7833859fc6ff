"""Every label scheme trains the one 5-star head through the aggregated probabilities."""

import math

import torch

from nlp.losses import grouped_logp, loss_fn
from nlp.train import TrainConfig


def batch(star=-1, polarity=-1, three=-1, soft=None):
    out = {"star": torch.tensor([star]), "polarity": torch.tensor([polarity]), "three": torch.tensor([three]),
           "weight": torch.tensor([1.0])}
    if soft is not None:
        out["soft"] = torch.tensor([soft])
    return out


LOGITS = torch.log(torch.tensor([[0.1, 0.1, 0.3, 0.2, 0.3]]))


def test_three_class_label_is_minus_log_of_its_group():
    cfg = TrainConfig()
    assert abs(loss_fn(LOGITS, batch(three=1), cfg).item() + math.log(0.3)) < 1e-5
    assert abs(loss_fn(LOGITS, batch(three=0), cfg).item() + math.log(0.2)) < 1e-5
    assert abs(loss_fn(LOGITS, batch(three=2), cfg).item() + math.log(0.5)) < 1e-5


def test_binary_label_and_star_label():
    cfg = TrainConfig(soft_labels=0.0)
    assert abs(loss_fn(LOGITS, batch(polarity=1), cfg).item() + math.log(0.5)) < 1e-5
    expected = -math.log(0.3) + cfg.polarity_weight * -math.log(0.5)  # 5 stars: CE + polarity loss
    assert abs(loss_fn(LOGITS, batch(star=4, polarity=1), cfg).item() - expected) < 1e-5


def test_teacher_probabilities_only_with_a_soft_weight():
    cfg = TrainConfig()
    soft = [0.0, 0.0, 0.0, 0.0, 1.0]
    assert loss_fn(LOGITS, batch(soft=soft), cfg).item() == 0.0
    assert abs(loss_fn(LOGITS, batch(soft=soft), cfg, soft_weight=2.0).item() - 2 * -math.log(0.3)) < 1e-5


def test_grouped_probabilities_sum_to_one():
    assert torch.allclose(grouped_logp(torch.log_softmax(torch.randn(4, 5), -1)).exp().sum(-1), torch.ones(4))


def test_temperature_softens_both_sides_and_scales_by_its_square():
    cfg = TrainConfig()
    teacher = torch.tensor([0.05, 0.05, 0.1, 0.2, 0.6])
    t = 2.0
    target = teacher ** (1 / t) / (teacher ** (1 / t)).sum()  # the teacher's logits / T
    student = torch.log_softmax(LOGITS[0] / t, -1)
    expected = -(target * student).sum().item() * t**2
    got = loss_fn(LOGITS, batch(soft=teacher.tolist()), cfg, soft_weight=1.0, soft_temperature=t).item()
    assert abs(got - expected) < 1e-5
    plain = loss_fn(LOGITS, batch(soft=teacher.tolist()), cfg, soft_weight=1.0).item()
    assert abs(plain - -(teacher * torch.log_softmax(LOGITS[0], -1)).sum().item()) < 1e-5
    assert abs(got - plain) > 0.05  # the temperature changes the loss


def test_a_row_without_teacher_probabilities_adds_nothing_at_any_temperature():
    cfg = TrainConfig()
    for t in (0.5, 1.0, 3.0):
        loss = loss_fn(LOGITS, batch(soft=[0.0] * 5), cfg, soft_weight=1.0, soft_temperature=t)
        assert loss.item() == 0.0 and math.isfinite(loss.item())


def test_mixed_targets_mix_only_rows_with_stored_probabilities():
    from nlp.losses import mixed_targets

    live = torch.tensor([[0.2, 0.2, 0.2, 0.2, 0.2], [0.0, 0.0, 0.0, 0.5, 0.5]])
    stored = torch.tensor([[1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]])  # second row: not in the file
    mixed = mixed_targets(live, stored, 0.25)
    assert torch.allclose(mixed[0], torch.tensor([0.4, 0.15, 0.15, 0.15, 0.15]))
    assert torch.equal(mixed[1], live[1])
    assert torch.allclose(mixed.sum(-1), torch.ones(2))
