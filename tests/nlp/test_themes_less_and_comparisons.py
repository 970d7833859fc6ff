"""A modal negation before "less" ("couldn't be less helpful") and a "nothing" that compares ("nothing in town
compares to their great pizza"), both read the wrong way round by ``themes-rules/7``.

"Couldn't be less helpful" kept "helpful" as "couldn't be more helpful" does, and "nothing in town compares to
their great pizza" negated "great" as "nothing on the menu was good" does: a complaint read as praise, praise
as a complaint.
"""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector
from nlp.themes.clauses import polarity


@pytest.mark.parametrize(("text", "themes"), [
    ("The staff couldn't be less helpful.", {"service_staff": "negative"}),
    ("The app couldn't be less useful", {"product_quality": "negative"}),
    ("Staff could not be any less helpful", {"service_staff": "negative"}),
    ("Staff could not have been any less helpful.", {"service_staff": "negative"}),
    ("The staff couldn't be more helpful.", {"service_staff": "positive"}),  # "more" keeps its word
    ("Couldn't be happier with the service.", {"service_staff": "positive"}),
    ("The service could not have been worse.", {"service_staff": "negative"}),
])
@pytest.mark.parametrize("sentiment", [None, "negative", "positive"])
def test_a_modal_negation_flips_the_word_after_less(text: str, themes: dict[str, str], sentiment: str | None) -> None:
    assert ThemeDetector().detect_one(text, sentiment).themes == themes


@pytest.mark.parametrize(("clause", "sign"), [
    ("couldn't be less helpful", -1), ("could not be any less helpful", -1), ("can't be less friendly", -1),
    ("couldn't be more helpful", 1), ("could not have been more helpful", 1),
])
def test_less_under_a_modal_negation_is_a_complaint(clause: str, sign: int) -> None:
    assert polarity(clause) * sign >= 1.0, clause


@pytest.mark.parametrize(("text", "themes"), [
    ("Nothing in town compares to their great pizza.", {"product_quality": "positive"}),
    ("Nothing on earth beats their delicious pizza.", {"product_quality": "positive"}),
    ("Nothing in London comes close to their amazing food.", {"product_quality": "positive"}),
    ("Nothing beats their delicious pizza.", {"product_quality": "positive"}),
    ("Nothing in town tops their delicious pizza.", {"product_quality": "positive"}),
    ("Nothing in the city rivals their friendly staff.", {"service_staff": "positive"}),
    ("Nothing in town is as good as their pizza.", {"product_quality": "positive"}),
    ("Nobody beats their great prices.", {"price_value": "positive"}),
    ("Nothing on the menu was good.", {"product_quality": "negative"}),  # no comparison: still negated
    ("Nothing on the menu was as good as advertised.", {"product_quality": "negative"}),  # short of what was hoped
    ("Nothing but trouble with this phone.", {"product_quality": "negative"}),
])
@pytest.mark.parametrize("sentiment", [None, "negative", "positive"])
def test_nothing_that_compares_is_no_negation(text: str, themes: dict[str, str], sentiment: str | None) -> None:
    assert ThemeDetector().detect_one(text, sentiment).themes == themes


@pytest.mark.parametrize(("clause", "sign"), [
    ("no one is as friendly as their staff", 1), ("nothing comes close to their great service", 1),
    ("nothing in town is better than their pizza", 1), ("nothing here is as good as it used to be", -1),
    ("nothing in the room was clean", -1), ("none of the staff were helpful", -1),
    ("nothing in town close to us was good", -1),  # "close" without "comes" is a place
])
def test_a_comparison_between_nothing_and_the_opinion(clause: str, sign: int) -> None:
    assert polarity(clause) * sign >= 1.0, clause


@pytest.mark.parametrize("text", [
    "Nothing was as good as the reviews said.",
    "Nothing was as good as the photos.",
    "Nothing tasted as good as the menu described.",
    "Nothing matches the great reviews.",
    "Nobody at the desk was as helpful as the website said.",
    "Nothing was as good as the pictures on the website.",
    "Nothing was as tasty as the pics.",
])
@pytest.mark.parametrize("sentiment", [None, "negative", "positive"])
def test_nothing_as_good_as_what_was_promised_is_a_complaint(text: str, sentiment: str | None) -> None:
    assert ThemeDetector().detect_one(text, sentiment).themes == {"product_quality": "negative"}


@pytest.mark.parametrize(("clause", "sign"), [
    ("nothing was as good as the reviews said", -1), ("nothing was as good as the photos", -1),
    ("nothing tasted as good as the menu described", -1), ("nothing matches the great reviews", -1),
    ("nobody at the desk was as helpful as the website said", -1), ("nothing was as good as the listing", -1),
    ("nothing in town matches their delicious pizza", -1),  # "match" is no comparison word: too often a complaint
    ("nothing in town is as good as their pizza, the reviews said", 1),  # the comma ends what "as" compares with
    ("nothing in town compares to their great pizza", 1), ("nothing on earth beats their delicious pizza", 1),
    ("nothing in london comes close to their amazing food", 1),
])
def test_as_good_as_what_was_promised_is_no_comparison(clause: str, sign: int) -> None:
    assert polarity(clause) * sign >= 1.0, clause
