"""bench/_int8_stores.py: the sample, the store filled in a shuffled order, and its scoring by the nightly path."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from bench import _int8_stores
from bench._int8_stores import sample_reviews, score_store, shuffled_store
from tests.flows.conftest import KeywordScorer


@pytest.fixture
def reviews() -> list[dict]:
    texts = ["bad kettle", "great kettle", "awful lid", "love it", "fine", "bad handle", "ok", "great price"]
    return [{"source": "marc", "external_id": f"m{i}", "text": t, "rating": 1.0 if t.startswith(("bad", "awful")) else 5.0}
            for i, t in enumerate(texts)]


def _stored_order(url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(url), write=False) as session:
        return list(session.exec(select(Review.external_id).order_by(Review.id)))


def test_sample_reviews_is_the_same_seeded_sample_as_crawl_rows(tmp_path: Path) -> None:
    data = tmp_path / "dev.csv.gz"
    with gzip.open(data, "wt", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["text", "stars"])
        writer.writeheader()
        writer.writerows({"text": f"review {i}", "stars": str(1 + i % 5)} for i in range(50))
    got = sample_reviews(5, data)
    assert got == sample_reviews(5, data)
    assert [r["external_id"] for r in got] == [f"m{i}" for i in range(5)]
    assert [r["text"] for r in got] != [f"review {i}" for i in range(5)]  # shuffled, not the file's first five
    assert all(r["source"] == "marc" and r["rating"] == float(1 + int(r["text"].split()[1]) % 5) for r in got)


def test_shuffled_store_ids_follow_the_seeded_order(tmp_path: Path, reviews: list[dict]) -> None:
    from models.db import dispose_engines

    try:
        one = _stored_order(shuffled_store(tmp_path / "a.db", reviews, 1))
        again = _stored_order(shuffled_store(tmp_path / "b.db", reviews, 1))
        other = _stored_order(shuffled_store(tmp_path / "c.db", reviews, 2))
    finally:
        dispose_engines()
    assert sorted(one) == sorted(other) == sorted(r["external_id"] for r in reviews)
    assert one == again and one != other


@pytest.mark.parametrize("content_order", [False, True])
def test_score_store_scores_every_review_in_batches(tmp_path: Path, reviews: list[dict], content_order: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db import dispose_engines

    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:///elsewhere.db")  # restored after the test
    monkeypatch.setattr(_int8_stores, "CHUNK", 3)  # three batches for eight reviews
    scorer = KeywordScorer()
    try:
        got = score_store(shuffled_store(tmp_path / "s.db", reviews, 1), scorer, content_order=content_order)
    finally:
        dispose_engines()
    assert scorer.calls == 3
    assert sorted(got) == sorted(r["external_id"] for r in reviews)
    assert got["m0"][:2] == (True, "negative")  # 'bad', one star: a detractor
    assert got["m1"][:2] == (False, "positive")  # 'great', five stars
    assert sum(flag for flag, _, _ in got.values()) == 3
