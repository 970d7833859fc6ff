"""An ``umot import`` (or a crawl) editing reviews while a night or ``umot rescore`` works on them.

Scoring and theme reading read a batch, work on it outside any transaction, then
write. An edit in between used to leave the old text's score (no detractor raised)
or reading for good; an edit after a batch was written dropped its scores, the
reviews came back in the night's next plan, and the night died with "scored twice".
The concurrent edit is made here deterministically, between the read and the write,
through the same ``models.crud.upsert_reviews`` an import uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import col, select

import flows.night_scoring as night_scoring
import flows.tasks.score as score_task
import flows.tasks.themes as themes
from flows.tasks.score import score_batch
from tests.flows.conftest import KeywordScorer

PRAISE = "Delivery was quick and the staff were lovely. I would recommend Acme to anyone, great."
COMPLAINT = "The sole came off after a week, awful quality. Stay away, do not buy it."


def _import(store: str, texts: dict[str, tuple[str, float]]) -> list[int]:
    """Store (or edit) reviews ``external id -> (text, rating)`` as ``umot import`` does; their ids."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review

    rows = [{"source": "import:a.csv", "external_id": e, "text": t, "rating": r} for e, (t, r) in texts.items()]
    with session_scope(get_engine(store)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, rows, brand_id=brand_id)
        found = session.exec(select(Review.id).where(col(Review.external_id).in_(list(texts))).order_by(col(Review.id)))
        return [int(i or 0) for i in found]


def _once(action: Callable[[], Any]) -> Callable[[], None]:
    done: list[bool] = []

    def run() -> None:
        if not done:
            done.append(True)
            action()

    return run


def _scores_and_flags(store: str, review_id: int) -> tuple[list[tuple[str | None, bool]], int]:
    from models.db import get_engine, session_scope
    from models.tables import Flag, Score

    with session_scope(get_engine(store), write=False) as session:
        scores = [(s.label, s.detractor) for s in session.exec(select(Score).where(Score.review_id == review_id))]
        flags = session.exec(select(Flag).where(Flag.review_id == review_id, col(Flag.score_id).is_not(None))).all()
        return scores, len(flags)


@pytest.fixture
def night(store: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[Any]]:
    """The night's scoring loop, its batches run as the task's body (without Prefect)."""
    monkeypatch.setattr(night_scoring, "score_batch", score_batch.fn)
    return lambda: night_scoring.score_all(KeywordScorer(), brand_ids=None, batch_size=2)


def test_a_review_edited_while_its_batch_is_scored_is_scored_from_its_new_text(
    store: str, night: Callable[[], list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _import(store, {"a1": (PRAISE, 5.0), "a2": (PRAISE + " Again.", 5.0), "a3": (PRAISE + " Yes.", 5.0)})
    edit = _once(lambda: _import(store, {"a1": (COMPLAINT, 1.0)}))
    real = score_task.score_reviews

    def edited_meanwhile(*args: Any, **kwargs: Any) -> Any:
        edit()  # the import commits while the first batch is being scored
        return real(*args, **kwargs)

    monkeypatch.setattr(score_task, "score_reviews", edited_meanwhile)
    outcomes = night()
    assert _scores_and_flags(store, ids[0]) == ([("negative", True)], 1)  # the new text's score, and its flag
    assert [_scores_and_flags(store, i) for i in ids[1:]] == [([("positive", False)], 0)] * 2
    assert sum(o.scored for o in outcomes) == 3  # the edited one counted once, when its new text was scored


def test_a_review_edited_after_its_batch_was_written_is_scored_again_the_same_night(
    store: str, night: Callable[[], list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _import(store, {"a1": (PRAISE, 5.0), "a2": (PRAISE + " Again.", 5.0), "a3": (PRAISE + " Yes.", 5.0)})
    edit = _once(lambda: _import(store, {"a1": (COMPLAINT, 1.0)}))
    real = score_task.write_batch

    def edited_after(*args: Any, **kwargs: Any) -> Any:
        written = real(*args, **kwargs)
        edit()  # drops the score just written: the review is in the night's next plan
        return written

    monkeypatch.setattr(score_task, "write_batch", edited_after)
    night()  # was: RuntimeError: reviews [1] were scored twice
    assert _scores_and_flags(store, ids[0]) == ([("negative", True)], 1)


def test_a_score_that_does_not_stick_still_stops_the_night(
    store: str, night: Callable[[], list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(store, {"a1": (PRAISE, 5.0)})
    monkeypatch.setattr(score_task, "write_batch", lambda *a, **k: (0, []))  # saves nothing, no edit either
    with pytest.raises(RuntimeError, match="were scored twice"):
        night()


def _brand_id(store: str) -> int:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        return int(crud.get_or_create_brand(session, "Acme").id or 0)


def _reading(store: str, review_id: int) -> tuple[dict[str, str] | None, str | None]:
    from models.crud.journeys import current_journeys
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(store), write=False) as session:
        found = current_journeys(session, [review_id]).get(review_id)
        review = session.get(Review, review_id)
        assert review is not None
        return (found["themes"] if found else None), review.referral_intent


@pytest.mark.parametrize("every", [False, True], ids=["night", "rescore-all"])
def test_a_review_edited_while_its_themes_are_read_keeps_no_reading_of_its_old_text(
    store: str, monkeypatch: pytest.MonkeyPatch, every: bool
) -> None:
    (rid,) = _import(store, {"a1": (PRAISE, 5.0)})
    edit = _once(lambda: _import(store, {"a1": (COMPLAINT, 1.0)}))
    real = themes.detector_for

    def detector_editing_meanwhile(*args: Any, **kwargs: Any) -> Any:
        detector = real(*args, **kwargs)
        detect = detector.detect

        def detect_then_edit(*a: Any) -> Any:
            results = detect(*a)
            edit()  # the import commits after the old text was read, before the readings are written
            return results

        detector.detect = detect_then_edit
        return detector

    monkeypatch.setattr(themes, "detector_for", detector_editing_meanwhile)
    brand_id = _brand_id(store)
    themes.detect_brand(brand_id, "Acme", every=every)
    if every:  # past it already: left unread (the edit dropped the old reading), for the next night
        assert _reading(store, rid) == (None, None)
        themes.detect_brand(brand_id, "Acme")
    assert _reading(store, rid) == ({"product_quality": "negative"}, "warn")  # the new text's, not delivery's


def test_a_claimed_review_edited_while_scored_is_left_unscored_and_claimable(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.tasks.score_claims import score_claimed_batch
    from models import crud
    from models.db import get_engine, session_scope

    ids = _import(store, {"a1": (PRAISE, 5.0), "a2": (PRAISE + " Again.", 5.0)})
    edit = _once(lambda: _import(store, {"a1": (COMPLAINT, 1.0)}))
    real = score_task.score_reviews
    monkeypatch.setattr(score_task, "score_reviews", lambda *a, **k: (edit(), real(*a, **k))[1])
    scorer = KeywordScorer()
    outcome = score_claimed_batch.fn(scorer, worker="unit-1", lease_seconds=600)
    assert (outcome.review_ids, outcome.scored) == (ids, 1)
    assert _scores_and_flags(store, ids[0]) == ([], 0)  # not the old text's score
    with session_scope(get_engine(store)) as session:  # its claim was dropped: the next unit takes it at once
        assert crud.claim_unscored(session, model_version=scorer.version, worker="unit-2", lease_seconds=600,
                                   limit=10) == [ids[0]]
