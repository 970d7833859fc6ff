"""Readings the first ``themes-rules/10`` referral rules got wrong: "recommend X over ..." was read as a rival
recommended instead whatever followed "over" (the years, the phone, a dozen times, everything else), and
"recommend not ..." warned even when the advice was praise ("not looking any further", "never leaving without
the cake") or about one dish of a meal the writer praises ("not the fish, but everything else was great")."""

from __future__ import annotations

import pytest

from nlp.referral import referral_intent


@pytest.mark.parametrize("text", [
    "Recommended Acme over the years to all my friends",
    "I've recommended Acme over a dozen times",
    "I recommended Acme over the phone to my sister",
    "I would recommend Acme over everything else",
    "I recommend Acme over anything else",
    "Recommend Acme over its competitors",
    "I recommend Dr Smith over at Acme clinic",
    "I recommend Acme over the last 5 years to many",
    "I have recommended Acme over 20 times",
    "I recommend Acme over your local dealer",
])
def test_over_what_is_no_rival_still_recommends(text: str) -> None:
    assert referral_intent(text) == "recommend"


@pytest.mark.parametrize("text", [
    "Would recommend Acme over Globex any day",
    "I recommend Globex over Acme.",
    "Would recommend other apps over them.",
])
def test_a_named_rival_over_it_is_neither(text: str) -> None:
    assert referral_intent(text) is None


@pytest.mark.parametrize("text", [
    "I recommend not looking any further",
    "I recommend never going anywhere else",
    "I recommend not settling for anything less",
    "I'd recommend not skipping dessert",
    "I recommend never leaving without trying the cake",
    "I recommend not searching elsewhere, this is the place",
])
def test_advice_that_praises_recommends(text: str) -> None:
    assert referral_intent(text) == "recommend"


@pytest.mark.parametrize("text", [
    "I'd recommend not ordering the fish, but everything else was great",
    "I recommend not getting the burger, but the rest of the menu is excellent.",
])
def test_advice_against_one_dish_of_a_praised_meal_is_neither(text: str) -> None:
    assert referral_intent(text) is None


@pytest.mark.parametrize("text", [
    "I recommend not buying from Acme.",
    "I recommend not going there",
    "I'd recommend not ordering from them, but the staff were great",  # the place, not one dish
    "I'd recommend not ordering the fish, it was awful",
    "Great food! I'd recommend not ordering the fish, but everything else was great. Never buy their wine though.",
])
def test_advice_not_to_buy_still_warns(text: str) -> None:
    assert referral_intent(text) == "warn"


def test_dont_buy_anything_less_is_no_warning() -> None:
    """The "don't buy" rule and the advice rule share one look-ahead for "anything else / less"."""
    assert referral_intent("Don't buy anything less than Acme.") is None


@pytest.mark.parametrize(("text", "intent"), [
    ("Best dentist in town. Think twice before going anywhere else!", None),
    ("I'd think twice before going anywhere else, this place is the best", None),
    ("Lovely hotel, didn't have to think twice about booking again.", None),
    ("no need to think twice, just buy it", None),
    ("Think twice before booking here.", "warn"),
    ("You might want to think twice before you order from them.", "warn"),
])
def test_think_twice_warns_only_against_the_brand(text: str, intent: str | None) -> None:
    """It warned on praise ("think twice before going anywhere else") and after "no need to"."""
    assert referral_intent(text) == intent
