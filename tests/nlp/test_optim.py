"""nlp.optim: layer-wise learning rates read the encoder's depth from the model itself."""

from types import SimpleNamespace

from transformers import BertConfig

from nlp.modeling import MeanPoolSentiment
from nlp.optim import encoder_depth, param_groups


def tiny_model(layers: int) -> MeanPoolSentiment:
    config = BertConfig(vocab_size=50, hidden_size=8, num_hidden_layers=layers, num_attention_heads=2,
                        intermediate_size=16, id2label={i: f"{i + 1} star" for i in range(5)})
    return MeanPoolSentiment(config)


def test_encoder_depth_counts_every_layer_frozen_or_not() -> None:
    model = tiny_model(3)
    for p in model.bert.encoder.layer[0].parameters():
        p.requires_grad_(False)
    assert encoder_depth(model) == 3 == model.config.num_hidden_layers


def test_each_layer_learns_layer_decay_times_the_one_above() -> None:
    model = tiny_model(3)
    cfg = SimpleNamespace(lr=1.0, head_lr=5.0, layer_decay=0.5, weight_decay=0.0)
    rates = {group["lr"] for group in param_groups(model, cfg)}
    assert rates == {5.0, 1.0, 0.5, 0.25, 0.125}  # head, layers 2, 1, 0, embeddings
