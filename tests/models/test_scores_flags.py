"""Scores per model version, flags that keep triage state, and the report queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from models.crud import (
    brand_summary,
    flagged_reviews,
    get_or_create_brand,
    save_scores,
    unscored_reviews,
    upsert_flags,
    upsert_reviews,
)
from models.db import session_scope
from models.tables import Flag, Score

NOW = datetime.now(UTC)


def seed(engine, brand_id: int, texts: list[str], ratings: list[float | None] | None = None) -> list[int]:
    ratings = ratings or [None] * len(texts)
    with session_scope(engine) as s:
        rows = [{"source": "s", "external_id": f"e{i}", "text": t, "rating": r} for i, (t, r) in enumerate(zip(texts, ratings))]
        return upsert_reviews(s, rows, brand_id=brand_id).new_ids


def score(review_id: int, version: str, label: str | None, stars: float | None, detractor: bool = False) -> dict:
    return {"review_id": review_id, "model_version": version, "label": label, "stars": stars,
            "detractor": detractor, "reasons": ["low stars"] if detractor else [], "p_negative": 0.9 if detractor else 0.1}


def test_unscored_reviews_per_model_version(engine, brand_id) -> None:
    ids = seed(engine, brand_id, ["awful", "", "great"])
    with session_scope(engine) as s:
        assert [r.id for r in unscored_reviews(s, model_version="v1")] == ids  # oldest first, empty text too
        save_scores(s, [score(ids[0], "v1", "negative", 1.0)])
        assert [r.id for r in unscored_reviews(s, model_version="v1")] == ids[1:]
        assert [r.id for r in unscored_reviews(s, model_version="v1", limit=1)] == ids[1:2]
        assert [r.id for r in unscored_reviews(s, model_version="v2")] == ids
        other = get_or_create_brand(s, "Other").id
        assert unscored_reviews(s, model_version="v2", brand_ids=(other,)) == []


def test_save_scores_upserts_and_keeps_other_versions(engine, brand_id) -> None:
    ids = seed(engine, brand_id, ["a", "b"])
    with session_scope(engine) as s:
        first = save_scores(s, [score(ids[0], "v1", "negative", 1.0), score(ids[1], "v1", "positive", 5.0)])
        again = save_scores(s, [score(ids[1], "v1", "neutral", 3.0), score(ids[0], "v1", "negative", 1.5),
                                {**score(ids[0], "v2", "neutral", 3.0), "confidence": 0.7, "not_a_column": 1}])
    assert again[:2] == [first[1], first[0]]  # same rows, ids in input order
    assert len(set(first + again)) == 3
    with session_scope(engine) as s:
        stored = {(x.review_id, x.model_version): x for x in s.exec(select(Score))}
    assert len(stored) == 3
    assert stored[(ids[1], "v1")].label == "neutral" and stored[(ids[0], "v1")].stars == 1.5
    assert stored[(ids[0], "v2")].confidence == 0.7


def test_save_scores_needs_review_and_version(engine, brand_id) -> None:
    with session_scope(engine) as s, pytest.raises(ValueError, match="score 0"):
        save_scores(s, [{"label": "negative"}])


def test_flags_keep_triage_state_on_reflag(engine, brand_id) -> None:
    ids = seed(engine, brand_id, ["terrible", "bad"])
    with session_scope(engine) as s:
        sid = save_scores(s, [score(ids[0], "v1", "negative", 1.0, True), score(ids[1], "v1", "negative", 2.0, True)])
        assert upsert_flags(s, [{"review_id": ids[0], "score_id": sid[0], "brand_id": brand_id, "reasons": ["a"], "severity": 1.0}]) == 1
        flag = s.exec(select(Flag)).one()
        assert flag.status == "new"
        flag.status, flag.assignee, flag.note = "in_progress", "kim@example.com", "called back"
        s.add(flag)
    with session_scope(engine) as s:
        sid2 = save_scores(s, [score(ids[0], "v2", "negative", 1.0, True)])
        new = upsert_flags(s, [
            {"review_id": ids[0], "score_id": sid2[0], "brand_id": brand_id, "reasons": ["b"], "severity": 2.0},
            {"review_id": ids[1], "score_id": sid[1], "reasons": ["c"], "severity": 0.5},  # brand from the review
        ])
        assert new == 1
    with session_scope(engine) as s:
        flags = {f.review_id: f for f in s.exec(select(Flag))}
    kept = flags[ids[0]]
    assert (kept.status, kept.assignee, kept.note) == ("in_progress", "kim@example.com", "called back")
    assert (kept.score_id, kept.reasons, kept.severity) == (sid2[0], ["b"], 2.0)
    assert flags[ids[1]].brand_id == brand_id and flags[ids[1]].status == "new"


def test_flag_for_unknown_review_is_refused(engine, brand_id) -> None:
    with session_scope(engine) as s, pytest.raises(ValueError, match="unknown review"):
        upsert_flags(s, [{"review_id": 123456, "reasons": []}])


def test_flagged_reviews_filters_and_order(engine, brand_id) -> None:
    ids = seed(engine, brand_id, ["x", "y", "z"])
    with session_scope(engine) as s:
        other = get_or_create_brand(s, "Other").id
        other_id = upsert_reviews(s, [{"source": "s", "text": "w"}], brand_id=other).new_ids[0]
        sids = save_scores(s, [score(i, "v1", "negative", 1.0, True) for i in ids])
        upsert_flags(s, [{"review_id": i, "score_id": si, "brand_id": brand_id, "severity": sev}
                         for i, si, sev in zip(ids, sids, [1.0, 3.0, 2.0])])
        upsert_flags(s, [{"review_id": other_id, "severity": 9.0}])  # no score
    with session_scope(engine) as s:
        everything = flagged_reviews(s)
        mine = flagged_reviews(s, brand_id=brand_id)
        window = flagged_reviews(s, since=NOW - timedelta(hours=1), until=NOW + timedelta(hours=1))
        none = flagged_reviews(s, since=NOW + timedelta(days=1))
    assert [f.severity for f, _, _ in everything] == [9.0, 3.0, 2.0, 1.0]
    assert everything[0][2] is None and everything[0][1].id == other_id
    assert [r.id for _, r, _ in mine] == [ids[1], ids[2], ids[0]]
    assert all(sc.review_id == r.id for _, r, sc in mine)
    assert len(window) == 4 and none == []


def test_brand_summary(engine, brand_id) -> None:
    ids = seed(engine, brand_id, ["bad", "meh", "good", "unscored"], [1, 3, 5, None])
    with session_scope(engine) as s:
        get_or_create_brand(s, "Quiet")
        v1_ids = save_scores(s, [score(ids[0], "v1", "negative", 1.2, True), score(ids[1], "v1", "neutral", 3.0),
                                 score(ids[2], "v1", "positive", 4.8)])
        upsert_flags(s, [{"review_id": ids[0], "score_id": v1_ids[0], "brand_id": brand_id}])
        v2_ids = save_scores(s, [score(ids[0], "v2", "negative", 1.0, True), score(ids[1], "v2", "negative", 2.0, True)])
        upsert_flags(s, [{"review_id": i, "score_id": si, "brand_id": brand_id} for i, si in zip(ids[:2], v2_ids)])
        since, until = NOW - timedelta(days=1), NOW + timedelta(days=1)
        v1 = {b["brand"]: b for b in brand_summary(s, since=since, until=until, model_version="v1")}
        newest = {b["brand"]: b for b in brand_summary(s, since=since, until=until)}
        later = brand_summary(s, since=until, until=until + timedelta(days=7))
    acme = v1["Acme"]
    # detractors are flags, whatever model raised them (v2 flagged the second review): not v1's scores
    assert (acme["new_reviews"], acme["scored"], acme["detractors"]) == (4, 3, 2)
    assert (acme["share_negative"], acme["share_neutral"], acme["share_positive"]) == (1 / 3, 1 / 3, 1 / 3)  # exact
    assert acme["avg_rating"] == 3.0 and acme["avg_stars"] == 3.0
    # newest score per review: v2 for the first two, v1 for the third
    assert (newest["Acme"]["detractors"], newest["Acme"]["share_negative"]) == (2, 2 / 3)
    assert v1["Quiet"] == {"brand_id": v1["Quiet"]["brand_id"], "brand": "Quiet", "new_reviews": 0, "scored": 0,
                           "detractors": 0, "share_negative": None, "share_neutral": None, "share_positive": None,
                           "avg_rating": None, "avg_stars": None, "reply_rate": None, "median_reply_hours": None}
    assert [b["new_reviews"] for b in later] == [0, 0]


def test_brand_summary_leaves_out_detractors_dismissed_in_triage(engine, brand_id) -> None:
    """The nightly report said "Detractors 2" beside "answered at the source 100%" (of the one not dismissed)."""
    ids = seed(engine, brand_id, ["bad", "worse", "good"], [1, 1, 5])
    with session_scope(engine) as s:
        sids = save_scores(s, [score(ids[0], "v1", "negative", 1.0, True), score(ids[1], "v1", "negative", 1.0, True),
                               score(ids[2], "v1", "positive", 5.0)])
        upsert_flags(s, [{"review_id": i, "score_id": si, "brand_id": brand_id} for i, si in zip(ids[:2], sids)])
        s.exec(select(Flag).where(Flag.review_id == ids[0])).one().status = "dismissed"
    with session_scope(engine) as s:
        [acme] = brand_summary(s, since=NOW - timedelta(days=1), until=NOW + timedelta(days=1), model_version="v1")
    assert (acme["new_reviews"], acme["scored"], acme["detractors"], acme["share_negative"]) == (3, 3, 1, 2 / 3)


def test_scores_are_read_per_model_version_newest_first_and_in_the_callers_order(engine, brand_id) -> None:
    from models.crud import latest_scores, unscored_ids_in_scoring_order
    from models.crud.scores import unscored_reviews_among

    rows = [{"source": "s", "external_id": f"r{i}", "text": "x" * (3 - i)} for i in range(3)]
    with session_scope(engine) as s:
        ids = upsert_reviews(s, rows, brand_id=brand_id).new_ids
        save_scores(s, [{"review_id": ids[0], "model_version": "m@1", "label": "negative"}])
        save_scores(s, [{"review_id": ids[0], "model_version": "m@2", "label": "positive"}])
    with session_scope(engine, write=False) as s:
        assert latest_scores(s, [ids[0]])[ids[0]].label == "positive"  # the newest, of any version
        assert latest_scores(s, [ids[0]], model_version="m@1")[ids[0]].label == "negative"
        assert sorted(unscored_ids_in_scoring_order(s, model_version="m@2")) == sorted(ids[1:])
        assert sorted(unscored_ids_in_scoring_order(s, model_version="m@3")) == sorted(ids)  # a new model reads all
        among = unscored_reviews_among(s, [ids[2], ids[0], ids[1]], model_version="m@2")
        assert [r.id for r in among] == [ids[2], ids[1]]
