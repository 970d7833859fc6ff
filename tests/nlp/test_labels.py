import pytest

from nlp.labels import NEG, NEU, POS, label_map, label_names


@pytest.mark.parametrize(
    ("id2label", "polarity", "stars"),
    [
        ({0: "NEGATIVE", 1: "POSITIVE"}, (NEG, POS), (1.5, 4.5)),
        ({0: "LABEL_0", 1: "LABEL_1"}, (NEG, POS), (1.5, 4.5)),
        ({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, (NEG, NEU, POS), (1.5, 3.0, 4.5)),
        ({0: "negative", 1: "neutral", 2: "positive"}, (NEG, NEU, POS), (1.5, 3.0, 4.5)),
        ({"0": "Negative", "1": "Neutral", "2": "Positive"}, (NEG, NEU, POS), (1.5, 3.0, 4.5)),
        ({0: "neg", 1: "pos"}, (NEG, POS), (1.5, 4.5)),
        ({i: f"{i + 1} star{'s' if i else ''}" for i in range(5)}, (NEG, NEG, NEU, POS, POS), (1, 2, 3, 4, 5)),
        ({i: f"LABEL_{i}" for i in range(5)}, (NEG, NEG, NEU, POS, POS), (1, 2, 3, 4, 5)),
        ({i: str(i + 1) for i in range(5)}, (NEG, NEG, NEU, POS, POS), (1, 2, 3, 4, 5)),
        (dict(enumerate(["Very Negative", "Negative", "Neutral", "Positive", "Very Positive"])),
         (NEG, NEG, NEU, POS, POS), (1, 2, 3, 4, 5)),
    ],
)
def test_known_label_sets(id2label, polarity, stars):
    mapping = label_map(id2label)
    assert mapping.polarity == polarity
    assert mapping.stars == tuple(float(s) for s in stars)


def test_label_order_follows_ids_not_dict_order():
    mapping = label_map({1: "POSITIVE", 0: "NEGATIVE"})
    assert mapping.polarity == (NEG, POS)


@pytest.mark.parametrize(
    "id2label",
    [
        {0: "anger", 1: "joy"},  # emotions are not sentiment polarity
        {0: "a", 1: "b", 2: "c", 3: "d"},  # 4 classes
        {0: "positive", 1: "neutral"},  # no negative class
        {i: f"LABEL_{i}" for i in range(7)},
    ],
)
def test_unmappable_label_sets_raise(id2label):
    with pytest.raises(ValueError):
        label_map(id2label)


def test_label_names_read_json_keys_by_number():
    # a config read from JSON keys id2label by strings: "10" sorts after "2" by number, not text
    names = label_names({"10": "k", "2": "c", "0": "a"})
    assert names == ["a", "c", "k"]
    assert label_map({"1": "POSITIVE", "0": "NEGATIVE"}).polarity == (NEG, POS)


def test_a_config_without_labels_is_refused_plainly():
    with pytest.raises(ValueError, match="names no labels"):
        label_map(None)
