"""The primary stage: `use` unless the themed clauses all sit in one other moment of the journey."""

from __future__ import annotations

from nlp.themes.primary_stage import primary_stage


def test_use_unless_another_stage_is_spoken_of() -> None:
    assert primary_stage({}, [0], {"delivery": "negative"}) == "use"


def test_a_text_without_themes_is_about_its_earliest_other_moment() -> None:
    assert primary_stage({"buy": [2], "repeat": [1]}, [], {}) == "repeat"
    assert primary_stage({"refer": [-1]}, [], {}) == "refer"  # -1: said by the text as a whole


def test_a_payment_failure_is_about_buying_but_other_themes_are_not() -> None:
    assert primary_stage({"buy": [0]}, [0], {"billing_refunds": "negative"}) == "buy"
    assert primary_stage({"buy": [0]}, [0], {"delivery": "negative"}) == "use"


def test_a_one_clause_recommendation_is_about_referring() -> None:
    assert primary_stage({"refer": [0]}, [0], {"delivery": "positive"}) == "refer"
    assert primary_stage({"refer": [0]}, [0, 1], {"delivery": "positive"}) == "use"
