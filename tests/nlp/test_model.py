"""The on-disk overlay: what is measured after training is exactly what ships."""

import torch

from nlp.base_checkpoint import build_from_base
from nlp.model_spec import ModelSpec
from nlp.overlay import load_overlay, round_as_stored, save_overlay


def _trained_model():
    model = build_from_base(num_layers=1)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)  # frozen, as in training
    with torch.no_grad():  # float32 values float16 cannot hold, as after training
        for p in model.parameters():
            if p.requires_grad:
                p.add_(torch.randn_like(p) * 1e-3 + 1e-7)
    return model


def test_rounded_weights_are_the_saved_ones_bit_for_bit(tmp_path):
    model, spec = _trained_model(), ModelSpec(num_layers=1)
    save_overlay(model, spec, tmp_path)
    loaded, _ = load_overlay(tmp_path)
    head = "classifier.weight"
    assert not torch.equal(model.state_dict()[head], loaded.state_dict()[head])  # float32 twin differs
    frozen = model.bert.embeddings.word_embeddings.weight.clone()
    round_as_stored(model, spec)
    for name, tensor in loaded.state_dict().items():
        assert torch.equal(model.state_dict()[name], tensor), name
    assert torch.equal(model.bert.embeddings.word_embeddings.weight, frozen)  # not stored: untouched
