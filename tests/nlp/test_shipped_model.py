"""The shipped default model: loads offline, small, and reads obvious reviews right."""

from pathlib import Path

from nlp.loading import SHIPPED_MODELS

POSITIVE = [
    "Absolutely love this blender, it works perfectly and looks great.",
    "Fantastic quality for the price. Highly recommend!",
    "a warm , funny and beautifully acted film .",
]
NEGATIVE = [
    "Broke after two days. Complete waste of money, do not buy.",
    "Terrible customer service and the product arrived damaged.",
    "a dull , lifeless mess that never works .",
]


def test_each_shipped_model_is_small():
    for directory in SHIPPED_MODELS.values():
        size = sum(f.stat().st_size for f in Path(directory).iterdir() if f.is_file())
        assert size <= 25e6, directory


def test_obvious_reviews(shipped_scorer):
    scores = shipped_scorer.score(POSITIVE + NEGATIVE)
    assert [s.label for s in scores] == ["positive"] * 3 + ["negative"] * 3
    assert all(s.stars >= 4 for s in scores[:3]) and all(s.stars <= 2 for s in scores[3:])
    assert [s.detractor for s in scores] == [False] * 3 + [True] * 3


def test_rating_rule_with_the_real_model(shipped_scorer):
    scores = shipped_scorer.score(
        ["Love it!", "Worst purchase ever, broke immediately and support ignored me.", "Fine."],
        [1, 5, 4],
    )
    assert scores[0].detractor and scores[0].reasons == ["rated 1★"]
    assert scores[1].detractor and "mismatch" in scores[1].reasons[0]
    assert not scores[2].detractor
