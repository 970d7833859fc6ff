"""A theme's polarity: its clauses' lexicon score, else the review's sentiment, else the theme's nature."""

from __future__ import annotations

from nlp.themes.theme_polarity import theme_polarities


def test_without_a_clear_score_complaint_themes_are_negative_and_others_neutral() -> None:
    assert theme_polarities({"billing_refunds": 0.0, "delivery": 0.0}, "x", None) == {
        "billing_refunds": "negative", "delivery": "neutral"}


def test_the_reviews_sentiment_fills_in_but_a_clear_clause_score_wins() -> None:
    assert theme_polarities({"billing_refunds": 0.0, "delivery": 2.0}, "x", "positive") == {
        "billing_refunds": "positive", "delivery": "positive"}
    assert theme_polarities({"billing_refunds": -3.0}, "x", "positive") == {"billing_refunds": "negative"}


def test_an_opinion_without_a_theme_is_about_the_product_unless_it_names_a_place() -> None:
    assert theme_polarities({}, "Great, I love it!", None) == {"product_quality": "positive"}
    assert theme_polarities({}, "Great place, love it!", None) == {}
    assert theme_polarities({}, "ok", None) == {}


def test_a_negation_ends_at_a_comma() -> None:
    # "never arrived, awful" flipped "awful" to positive: delivery came out positive on 1-star reviews
    from nlp.themes.clauses import polarity

    for text in ("The delivery never arrived, awful.", "The delivery never showed up, terrible",
                 "My Plus card points never showed up: awful"):
        assert polarity(text) <= -1.0, text
    assert polarity("not good") <= -1.0
    assert polarity("the food was not bad") >= 1.0
    assert polarity("never late, always great") >= 1.0
