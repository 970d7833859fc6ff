"""Referral intent read as the scorer reads a text: markup, entities and invisible characters hid a negation.

"Can&#39;t recommend the breakfast" was an advocate's review, "Would <b>not</b> recommend" a
recommendation: the rules read the raw text, where "&#39;" and "<b>" break the phrase.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from nlp.referral import referral_intent
from nlp.themes.detector import whole_text_referral

WARNINGS = [
    "Great location. Can&#39;t recommend the breakfast though.",
    "Nice app overall, but I wouldn&#8217;t recommend the premium plan.",
    "Decent place. Would <b>not</b> recommend.",
    "Ich kann es leider nicht&nbsp;empfehlen.",
    "Decent place. Would n\u200bot recommend.",
    "Decent place. I don\u2060t recommend it.",
]


@pytest.mark.parametrize("text", WARNINGS)
def test_markup_and_invisible_characters_do_not_hide_a_negation(text: str) -> None:
    assert referral_intent(text) == "warn"
    assert whole_text_referral(text) == "warn"  # the themes step writes the same reading back


def test_the_whole_text_is_still_read_markup_and_all() -> None:
    """No head-and-tail cut: a warning in the middle of a long review counts."""
    text = "Lovely room. " * 800 + "I would <i>not</i> recommend the spa. " + "Lovely room. " * 800
    assert referral_intent(text) == "warn"
    assert referral_intent("I recommend them &lt;3") == "recommend"


def test_every_format_character_is_dropped_and_nothing_else() -> None:
    from nlp.text import _FORMAT, decoded_text

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    dropped = set(every) - set(_FORMAT.sub("", every))
    assert dropped == {ch for ch in every if unicodedata.category(ch) == "Cf"}
    assert decoded_text("a\u00adb <b>c</b> &amp; \U0001f44d") == "ab  c  & \U0001f44d"  # emoji kept, not named
