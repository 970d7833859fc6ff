"""One language guess for every scoring path, made once per review, and one verdict for most reviews.

``Scorer.score`` (evaluate, held-out evaluation, the benchmarks) guessed the language from the text with
emoji names ("Die App ist so toll 👍👍👍" read "... thumbs up sign ..." and was taken for English), while the
night and ``umot score`` guessed again from the words alone: the same review judged two ways. The night also
decided every review twice (the scorer, then ``judge_in_language``).
"""

from __future__ import annotations

import pytest

from nlp.review_scoring import score_reviews
from nlp.text import clean_text
from nlp.themes.emoji_marks import marked_text, unnamed

EMOJI_GERMAN = ["Die App ist so toll 👍👍👍", "Sehr gut 😍😍😍 wirklich ein schönes Produkt",
                "Die App ist so toll &#128077;&#128077;&#128077;"]
ENGLISH = ["This blender is great, it crushes ice in seconds.", "It broke after a week, what a waste of money.",
           "Decent value for the price, nothing special."]


def test_the_scorer_reads_the_language_from_the_words_not_the_emoji_names(tiny_scorer) -> None:  # noqa: ANN001
    scores = tiny_scorer.score(EMOJI_GERMAN, [5, 5, 5])
    assert [s.language for s in scores] == ["de", "de", "de"]
    assert all("language de: scored by an English model" in s.reasons for s in scores)
    assert not any(s.detractor for s in scores)  # a German 5★ review: no rating/text mismatch from the English model


def test_every_path_judges_a_review_alike(tiny_scorer) -> None:  # noqa: ANN001
    texts, ratings = [*EMOJI_GERMAN, *ENGLISH, "😡😡😡 👎", ""], [5, None, 4, 5, None, 3, 4, 1]
    alone = tiny_scorer.score(texts, ratings)
    night = score_reviews(tiny_scorer, texts, ratings)
    assert [(s.language, s.detractor, s.reasons) for s in alone] == [(s.language, s.detractor, s.reasons) for s in night]


def test_a_declared_language_still_wins(tiny_scorer) -> None:  # noqa: ANN001
    [score] = score_reviews(tiny_scorer, [EMOJI_GERMAN[0]], [5], languages=["en-GB"])
    assert score.language == "en" and not any(r.startswith("language ") for r in score.reasons)


def test_the_language_is_guessed_and_the_verdict_decided_once_per_review(tiny_scorer, monkeypatch) -> None:  # noqa: ANN001
    import core.language
    from nlp import detractor

    guesses, decisions = [], []
    guess, decide = core.language.guess_language, detractor.decide
    monkeypatch.setattr(core.language, "guess_language", lambda text: guesses.append(text) or guess(text))
    monkeypatch.setattr(detractor, "decide", lambda *a, **kw: decisions.append(a) or decide(*a, **kw))
    texts = [*EMOJI_GERMAN, *ENGLISH]
    score_reviews(tiny_scorer, texts, [5] * len(texts))
    assert len(guesses) == len(texts)
    assert len(decisions) == len(texts)  # no declared language, no referral intent to weigh: one verdict each
    decisions.clear()
    [german] = score_reviews(tiny_scorer, ["Die App ist toll, ich empfehle sie jedem."])
    assert german.referral_intent == "recommend" and len(decisions) == 2  # weighed again: it recommends, in German


@pytest.mark.parametrize("text", [*EMOJI_GERMAN[:2], *ENGLISH, "😡😡😡 👎", "<p>Terrible <b>service</b></p>&nbsp; 💔",
                                  "x 👍 " * 5000, None, float("nan"), 12345, ""])
def test_clean_words_is_clean_text_and_its_words_without_emoji_names(text: object) -> None:
    from nlp.text import clean_words

    cleaned, words = clean_words(text)
    assert cleaned == clean_text(text)
    assert words[:300] == unnamed(marked_text(text))[:300]  # the words the language guess reads (its first 300)


def test_an_emoji_written_as_an_entity_is_no_word_either() -> None:
    from nlp.text import clean_words

    assert clean_words(EMOJI_GERMAN[2]) == ("Die App ist so toll thumbs up sign thumbs up sign thumbs up sign",
                                            "Die App ist so toll")
