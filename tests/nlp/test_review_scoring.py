"""``nlp.review_scoring``: the one way ``umot score`` and the nightly run read and judge a review."""

from __future__ import annotations

from nlp import detractor
from nlp.result import ReviewScore
from nlp.review_scoring import WARN_REASON, review_text, score_reviews


class NegativeWordScorer:
    """Reads 'broke' as negative; records what it was given."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def score(self, texts, ratings=None, *, progress=False):  # noqa: ANN001, ANN201
        self.texts = list(texts)
        out = []
        for i, text in enumerate(texts):
            p_neg = 0.9 if "broke" in text else 0.1
            is_det, reasons = detractor.decide(p_neg, ratings[i] if ratings else None)
            out.append(ReviewScore("negative" if p_neg > 0.5 else "positive", 3.0, p_neg, 0.0, 1 - p_neg, 0.9,
                                   "en", is_det, reasons))
        return out


def test_review_text_puts_the_title_first_once() -> None:
    assert review_text("Terrible", "Broke in a day") == "Terrible\nBroke in a day"
    assert review_text("Terrible", "Terrible. Broke") == "Terrible. Broke"
    assert review_text(None, " x ") == "x" and review_text("Only a title", None) == "Only a title"


def test_detractors_that_warn_others_off_say_so_and_others_do_not() -> None:
    scorer = NegativeWordScorer()
    scores = score_reviews(scorer, ["It broke. Stay away from this shop.", "It broke after a week.",
                                    "Great, stay away from cheap copies."], titles=["Avoid", None, None])
    assert scorer.texts[0] == "Avoid\nIt broke. Stay away from this shop."
    assert [s.referral_intent for s in scores] == ["warn", None, "warn"]
    assert scores[0].reasons == ["negative text (p_negative 0.90)", WARN_REASON]
    assert scores[1].reasons == ["negative text (p_negative 0.90)"]
    assert scores[2].reasons == [] and not scores[2].detractor  # warns, but not a detractor: no flag reason


def test_a_known_referral_intent_wins_over_the_text() -> None:
    scores = score_reviews(NegativeWordScorer(), ["It broke.", "It broke, stay away"],
                           referral_intents=["warn", "recommend"])
    assert [s.referral_intent for s in scores] == ["warn", "recommend"]
    assert WARN_REASON in scores[0].reasons and WARN_REASON not in scores[1].reasons


def test_more_than_a_chunk_is_scored_in_chunks_by_text_length() -> None:
    from nlp.review_scoring import SCORE_CHUNK

    class Recorder(NegativeWordScorer):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[list[str]] = []

        def score(self, texts, ratings=None, *, progress=False):  # noqa: ANN001, ANN201
            self.calls.append(list(texts))
            return super().score(texts, ratings)

    texts = [("x" * (i % 97 + 1)) + f" {i}" for i in range(SCORE_CHUNK * 2 + 10)]
    recorder = Recorder()
    scores = score_reviews(recorder, texts)
    assert [len(c) for c in recorder.calls] == [SCORE_CHUNK, SCORE_CHUNK, 10]
    lengths = [len(t) for call in recorder.calls for t in call]
    assert lengths == sorted(lengths)  # shortest first, as the nightly run's batches
    assert len(scores) == len(texts) and all(s is not None for s in scores)
