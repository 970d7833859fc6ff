"""Advice not to buy warns ("I recommend not buying", "recomiendo no comprar"), a rival recommended over
another is no recommendation, and "don't buy anything else" is no warning. All three read the other way:
a recommending verb with the negation after it read as a recommendation, so a review in Spanish, French
or Portuguese advising against the brand was not even flagged (``nlp.detractor`` trusts a recommendation
there over the English model)."""

from __future__ import annotations

import pytest

from nlp.detractor import decide
from nlp.referral import referral_intent


@pytest.mark.parametrize("text, language", [
    ("Recomiendo no comprar en Acme, el pedido nunca llegó.", "es"),
    ("Les recomiendo a todos no comprarlo.", "es"),
    ("Recomiendo que no compren aquí.", "es"),
    ("Je recommande de ne pas acheter chez Acme.", "fr"),
    ("Je vous recommande vivement de ne jamais commander ici.", "fr"),
    ("Je déconseille ce magasin.", "fr"),
    ("Recomendo não comprar na Acme.", "pt"),
    ("Ich empfehle, hier nicht zu kaufen.", "de"),
    ("Ich empfehle euch, bei Acme nicht zu bestellen.", "de"),
    ("Ich rate jedem davon ab, hier zu kaufen.", "de"),
    ("Davon kann ich nur abraten.", "de"),
    ("Ich rate ab.", "de"),
    ("I recommend not buying from Acme.", "en"),
    ("I would recommend never ordering from them.", "en"),
    ("I'd recommend you not waste your money.", "en"),
    ("Will recommend others not to visit this place.", "en"),
])
def test_advice_not_to_buy_warns_and_is_flagged(text: str, language: str) -> None:
    assert referral_intent(text) == "warn"
    assert decide(0.9, None, language=language, referral=referral_intent(text))[0] is True


@pytest.mark.parametrize("text", [
    "I recommend not hesitating, just buy it!",
    "Recomiendo no dudarlo.",
    "Je recommande de ne pas hésiter.",
    "Recomendo não perder.",
    "Ich empfehle, nicht zu zögern.",
    "Lo recomiendo no solo por el precio.",
    "I recommend not only the food but the service.",
    "Ich empfehle Acme, weil es nicht zu teuer ist.",
    "I recommend Acme over any other brand.",
    "I recommend them over Globex.",
    "Would recommend the sizzler combo over the buffet.",
    "I'd recommend going over there.",
    "I recommend Acme to anyone over 50.",
])
def test_praise_stays_a_recommendation(text: str) -> None:
    assert referral_intent(text) == "recommend"


@pytest.mark.parametrize("text", [
    "I recommend Globex over Acme.",  # which brand the text is about is not known to the rule
    "Would recommend other apps over them.",
    "Do not buy anything else, Acme is the best kettle I ever owned.",
    "Don't buy from anyone else!",
    "Don't waste your money on anything else.",
    "Don't bother looking elsewhere.",
])
def test_neither(text: str) -> None:
    assert referral_intent(text) is None


@pytest.mark.parametrize("text", [
    "Don't buy this or any other Acme product.",
    "Don't buy anything from them.",
])
def test_dont_buy_still_warns(text: str) -> None:
    assert referral_intent(text) == "warn"
