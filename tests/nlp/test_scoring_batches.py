"""The scorer's batches and its label projection, without a tokenizer or a network."""

import numpy as np

from nlp.labels import label_map
from nlp.scoring_batches import length_sorted_batches
from nlp.scoring_results import label_projections


def test_batches_are_length_sorted_padded_and_a_long_text_goes_alone():
    encoded = [[1] * 5, [1] * 2, [1] * 40, [1] * 3, [1] * 4]
    batches = list(length_sorted_batches(encoded, batch_size=2, max_batch_tokens=16, pad_id=7))
    assert [idx for idx, _ in batches] == [[1, 3], [4, 0], [2]]  # over the budget: a batch of its own
    _, feed = batches[0]
    assert feed["input_ids"].tolist() == [[1, 1, 7], [1, 1, 1]]
    assert feed["attention_mask"].tolist() == [[1, 1, 0], [1, 1, 1]]
    assert feed["input_ids"].dtype == np.int64 and batches[2][1]["input_ids"].shape == (1, 40)


def test_five_star_classes_project_to_polarity_and_expected_stars():
    polarity, stars = label_projections(label_map({i: f"{i + 1} stars" for i in range(5)}))
    probs = np.array([[0.1, 0.1, 0.2, 0.3, 0.3]], dtype=np.float32)
    assert np.allclose(probs @ polarity, [[0.2, 0.2, 0.6]])
    assert np.allclose(probs @ stars, [3.6]) and (probs @ stars).dtype == np.float32
