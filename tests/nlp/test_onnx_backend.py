"""The ONNX Runtime backend: batches run on several workers at once, within the token budget."""

import copy

import numpy as np

import nlp


def test_parallel_workers_give_the_same_probabilities(tiny_checkpoint):
    texts = [f"review {i} " + "word " * (i % 37) for i in range(200)] + ["x " * 300]
    scorer = nlp.load_scorer(str(tiny_checkpoint), quantized=False, backend="onnx")
    scorer.batch_size, scorer.max_batch_tokens = 8, 256  # many small batches
    one = copy.copy(scorer)
    one.runner = copy.copy(scorer.runner)
    one.runner.workers = 1
    scorer.runner.workers = 3
    assert np.allclose(scorer.predict_proba(texts), one.predict_proba(texts), atol=1e-6)


def test_batches_respect_the_token_budget(tiny_scorer):
    texts = ["short"] * 50 + ["long " * 100] * 5
    encoded = tiny_scorer.encode(texts)
    batches = list(tiny_scorer._batches(encoded))
    assert sorted(i for idx, _ in batches for i in idx) == list(range(len(texts)))
    for idx, batch in batches:
        rows, width = batch["input_ids"].shape
        assert rows <= tiny_scorer.batch_size
        assert rows == 1 or rows * width <= tiny_scorer.max_batch_tokens
        assert batch["attention_mask"].sum() == sum(len(encoded[i]) for i in idx)
