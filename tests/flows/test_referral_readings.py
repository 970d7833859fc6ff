"""The theme detector's referral intent replaces the one an older umot stored: advocates, the
referral_intent column and a flag's warn severity follow the current rules after a re-read."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from flows.flagging import severity
from flows.tasks.themes import detect_brand
from nlp.review_scoring import WARN_REASON

QUESTION = "Would you recommend Acme? Thinking of buying the blender."
WARNING = "Awful blender. Stay away, don't buy it."


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))


def _store(db_url: str, rows: list[dict], *, flagged: bool = True) -> tuple[int, list[int]]:
    """The rows stored as an older umot left them: their ``referral_intent`` as given, scored (flagged detractors)."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, [{"source": "shop", "external_id": str(i), **row} for i, row in enumerate(rows)],
                            brand_id=brand)
        reviews = list(session.exec(select(Review).order_by(col(Review.id))))
        ids = [stored_id(r) for r in reviews]
        score_ids = crud.save_scores(session, [{"review_id": i, "model_version": "m", "label": "negative" if flagged
                                                else "positive", "p_negative": 0.8 if flagged else 0.1,
                                                "detractor": flagged} for i in ids])
        if flagged:
            crud.upsert_flags(session, [
                {"review_id": i, "score_id": s, "brand_id": brand, "severity": severity(0.8, r.rating, r.referral_intent),
                 "reasons": ["1-2 stars"] + ([WARN_REASON] if r.referral_intent == "warn" else [])}
                for i, s, r in zip(ids, score_ids, reviews)])
    return brand, ids


def _reviews(db_url: str, ids: list[int]) -> list[tuple[str | None, float | None, list[str] | None]]:
    """Each review's stored intent, its flag's severity and reasons (None, None without a flag)."""
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review

    with session_scope(get_engine(db_url), write=False) as session:
        out = []
        for i in ids:
            flag = session.exec(select(Flag).where(Flag.review_id == i)).first()
            out.append((session.get(Review, i).referral_intent, flag and flag.severity, flag and list(flag.reasons)))
        return out


def test_a_re_read_replaces_the_stored_intent_and_the_flags_follow(db_url: str) -> None:
    brand, ids = _store(db_url, [
        {"text": QUESTION, "rating": 2, "referral_intent": "warn"},  # an old rule read the question as a warning
        {"text": WARNING, "rating": 2, "referral_intent": None},  # read before "stay away" was a rule
        {"text": "I recommend it to anyone.", "rating": 2, "referral_intent": "recommend"},  # unchanged
    ])
    assert detect_brand(brand, "Acme", database_url=db_url) == 3
    assert _reviews(db_url, ids) == [
        (None, severity(0.8, 2, None), ["1-2 stars"]),
        ("warn", severity(0.8, 2, "warn"), ["1-2 stars", WARN_REASON]),
        ("recommend", severity(0.8, 2, None), ["1-2 stars"]),
    ]


def test_a_question_an_older_umot_read_as_a_recommendation_is_no_advocate_after_rescore(db_url: str) -> None:
    from models.crud.advocates import list_advocates
    from models.db import get_engine, session_scope

    brand, ids = _store(db_url, [{"text": QUESTION, "rating": 5, "referral_intent": "recommend"},
                                 {"text": "Great blender, I'd recommend it.", "rating": 5, "referral_intent": None}],
                        flagged=False)
    with session_scope(get_engine(db_url), write=False) as session:
        assert [a.review_id for a in list_advocates(session, brand_ids=None)] == [ids[0]]
    detect_brand(brand, "Acme", database_url=db_url)
    with session_scope(get_engine(db_url), write=False) as session:
        assert [a.review_id for a in list_advocates(session, brand_ids=None)] == [ids[1]]
    assert _reviews(db_url, ids) == [(None, None, None), ("recommend", None, None)]
    assert detect_brand(brand, "Acme", database_url=db_url, every=True) == 2  # --all: the same readings, kept
    assert _reviews(db_url, ids) == [(None, None, None), ("recommend", None, None)]


def test_a_recommendation_in_the_middle_of_a_long_review_is_kept(db_url: str) -> None:
    """The detector read only the head and tail of a long text and reset "recommend" to none (advocates lost it)."""
    from models.crud.advocates import list_advocates
    from models.db import get_engine, session_scope

    long = "The blender was fine and the jug was sturdy. " * 110 + "I'd recommend Acme to anyone. " \
        + "The lid was fine and the motor was quiet. " * 120
    assert len(long) > 10_000
    brand, ids = _store(db_url, [{"text": long, "rating": 5, "referral_intent": "recommend"}], flagged=False)
    detect_brand(brand, "Acme", database_url=db_url)
    assert _reviews(db_url, ids) == [("recommend", None, None)]
    with session_scope(get_engine(db_url), write=False) as session:
        assert [a.review_id for a in list_advocates(session, brand_ids=None)] == ids
