"""What asks and what answers (``nlp.referral_questions``), as the theme detector reuses it."""

from __future__ import annotations

import pytest

from nlp.referral import referral_intent
from nlp.referral_questions import ends_asking, opens_asking, reply


def test_ends_and_opens_asking() -> None:
    assert ends_asking("is it good?") and ends_asking("is it good\uff1f ") and not ends_asking("it is good.")
    assert opens_asking("can i just say") and not opens_asking("can i just say", of_others=True)
    assert opens_asking("does anyone know if delivery is free", of_others=True)


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("worth it", "absolutely.", "yes"),
    ("was the food good", "not really.", "no"),
    ("was the food good", "the staff were.", None),
    ("does anyone know if it is good", "no.", None),  # asked of others: its text holds no answer
])
def test_reply(question: str, answer: str, expected: str | None) -> None:
    assert reply(question, answer) == expected


@pytest.mark.parametrize(("text", "intent"), [
    ("Would I recommend it? Not really.", "warn"),
    ("Would I recommend them? Absolutely!", "recommend"),
    ("Would anyone recommend them? Yes.", None),
    ("Would you recommend them?", None),
])
def test_self_asked_recommendation_takes_its_answer(text: str, intent: str | None) -> None:
    assert referral_intent(text) == intent
