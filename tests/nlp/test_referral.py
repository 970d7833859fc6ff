"""Referral intent phrase rules: recommend, warn, or nothing."""

from __future__ import annotations

import pytest

from nlp.referral import referral_intent


@pytest.mark.parametrize(
    "text",
    [
        "I'd recommend them to anyone looking for a plumber.",
        "Highly recommended!",
        "I can\u2019t recommend this shop enough.",
        "Told all my friends about it.",
        "Must-have for every kitchen.",
        "Ich kann den Laden nur empfehlen.",
        "Je recommande vivement ce magasin.",
        "Lo recomiendo al cien por cien.",
        "この店はおすすめです",
        "A must visit in my books.",
        "The cocktails are worth trying.",
        "You should try the ribs.",
        "I recommend it to anyone who cooks.",
        "Would recommend.",
        "I highly recommended this place to my friends.",
        "A friend recommended it to me, and now I recommend it to everyone.",
    ],
)
def test_recommend(text: str) -> None:
    assert referral_intent(text) == "recommend"


@pytest.mark.parametrize(
    "text",
    [
        "Stay away from this company.",
        "Don't buy from them, ever.",
        "I would NOT recommend this shop.",
        "I wouldn\u2019t recommend it to my worst enemy.",
        "I recommend you stay away.",
        "Told my friends to avoid them.",
        "Save your money and go elsewhere.",
        "Buyer beware: the warranty is a joke.",
        "Finger weg von diesem Händler!",
        "Je ne recommande pas du tout.",
        "No lo recomiendo.",
        "おすすめしません",
        "Please be advised: the shawarma is tasteless.",
        "If possible use Lyft instead.",
        "The veg burger was not really worth trying.",
        "Have spare money? Go to a better place.",
    ],
)
def test_warn(text: str) -> None:
    assert referral_intent(text) == "warn"


@pytest.mark.parametrize(
    "text",
    ["", None, "Arrived on Tuesday, the box was blue.", "I don't use it often.", "Terrible support.",
     "It is not worth it at that price.", "You must not forget the charger."],
)
def test_no_referral(text: str | None) -> None:
    assert referral_intent(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A friend recommended it to me. It arrived on Tuesday.",
        "I was recommended this by the shop assistant. Meh, it does the job.",
        "Everyone recommended Acme to me, so I gave it a go.",
        "It came recommended by a colleague.",
        "We got recommended the fish.",
        "Recommended by my sister, bought it last week.",
        "My doctor recommended this brand.",
    ],
)
def test_a_recommendation_the_writer_received_is_no_referral(text: str) -> None:
    """An advocate recommends the brand themselves; being recommended it says nothing of the writer."""
    assert referral_intent(text) is None
