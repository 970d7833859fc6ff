"""Held-out splits and caps: stratified, seeded, and the held-out rows never depend on the cap."""

import random
from collections import Counter

import pytest

from nlp.sources import LabelledFile
from nlp.splits import capped_sample, class_weights, split_files, stratified_split


def test_split_holds_out_each_labels_share():
    labels = [0] * 600 + [4] * 300 + [2] * 100
    train, held = stratified_split(labels, 0.15, seed=13)
    assert Counter(labels[i] for i in held) == {0: 90, 4: 45, 2: 15}
    assert sorted(train + held) == list(range(1000)) and stratified_split(labels, 0.15, 13) == (train, held)


def test_balanced_file_holds_out_the_first_rows_of_the_seeded_permutation():
    labels = [i % 5 for i in range(5000)]
    _, held = stratified_split(labels, 0.1, seed=13)
    order = list(range(5000))
    random.Random(13).shuffle(order)
    assert set(order[:300]) <= set(held)  # how single-file runs held out their rows


def test_cap_keeps_label_shares_and_not_the_held_out_rows():
    files = [LabelledFile(__import__("pathlib").Path("t.csv"), "three", ["x"] * 1000, [0] * 200 + [1] * 500 + [2] * 300)]
    capped = split_files(files, 13, 0.1, caps={"t.csv": 300})[0]
    full = split_files(files, 13, 0.1)[0]
    assert capped.held == full.held and len(full.train) == 900
    assert Counter(files[0].labels[i] for i in capped.train) == {0: 60, 1: 150, 2: 90}
    assert capped_sample([1, 2, 3], [0, 0, 0, 0], None, 1) == [1, 2, 3]


def test_class_weights_average_one_and_temper_skew():
    labels = [4] * 66 + [0] * 22 + [2] * 12
    w = class_weights(labels, 0.5)
    assert sum(w[label] for label in labels) / len(labels) == pytest.approx(1.0)
    assert w[2] > w[0] > w[4] and w[2] / w[4] == pytest.approx((66 / 12) ** 0.5)
    assert set(class_weights(labels, 0.0).values()) == {1.0}


def test_bad_share_is_refused():
    with pytest.raises(ValueError, match="within 0-1"):
        stratified_split([0, 1], 1.0, 1)


@pytest.mark.parametrize("labels,cap", [([0, 1, 2, 3], 2), ([0, 1, 2] * 7, 10), ([0] * 5 + [1] * 5 + [2] * 5, 7),
                                        ([0] * 3 + [1] * 10 + [2] * 4, 5)])
def test_a_cap_of_n_rows_trains_on_exactly_n(labels, cap):
    """Each label's share was rounded on its own: 4 balanced labels and a cap of 2 took all 4 rows."""
    chosen = capped_sample(list(range(len(labels))), labels, cap, 13)
    assert len(chosen) == cap and len(set(chosen)) == cap
    shares = Counter(labels[i] for i in chosen)
    for label, n in Counter(labels).items():
        assert abs(shares[label] - cap * n / len(labels)) < 1  # each label within one row of its share
