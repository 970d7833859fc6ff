"""PostgreSQL: a crawl batch that edits one review and gives another a reply, while the night's scorer writes both.

Scoring locks its batch's reviews in id order before writing (``still_as_read``). A crawl batch used
to update them in its own order (an edit, then a reply on a lower id): each held one row the other
wanted, and PostgreSQL aborted one of them ("deadlock detected": the crawl's batch was lost, or the
score batch failed). A batch now locks the stored reviews it names first, in id order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from tests.flows.conftest import KeywordScorer

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]

BASE = [{"source": "import:a.csv", "external_id": e, "text": t, "rating": 5.0}
        for e, t in (("r3", "Great shop, love it"), ("r5", "Great staff, love them"))]


@pytest.fixture
def pg_store(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from models.db import dispose_engines, init_db

    monkeypatch.setenv("UMOT_DATABASE_URL", pg_database)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    init_db(pg_database)
    yield pg_database
    dispose_engines()


def test_a_crawl_batch_and_the_scorer_writing_the_same_reviews_take_turns(
    pg_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.crud.reviews as reviews
    from flows.tasks.score import score_pending
    from flows.tasks.score_store import read_batch
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review, Score

    with session_scope(get_engine(pg_store)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, BASE, brand_id=brand_id)
    scorer = KeywordScorer()
    pending = read_batch(scorer.version, None, 10)
    editing = threading.Event()
    real_replies = reviews.store_replies

    def slow_replies(*args: Any, **kwargs: Any) -> Any:  # the crawl has edited r5; the scorer writes now
        editing.set()
        time.sleep(1.5)
        return real_replies(*args, **kwargs)

    monkeypatch.setattr(reviews, "store_replies", slow_replies)
    errors: dict[str, str] = {}

    def crawl() -> None:
        rows = [{**BASE[0], "reply_text": "Thanks!"}, {**BASE[1], "text": "Awful now, bad staff", "rating": 1.0}]
        try:
            with session_scope(get_engine(pg_store)) as session:
                crud.upsert_reviews(session, rows, brand_id=brand_id)
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors["crawl"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"

    def score() -> None:
        editing.wait(30)
        try:
            score_pending(scorer, pending)
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors["score"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"

    threads = [threading.Thread(target=crawl), threading.Thread(target=score)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == {}
    with session_scope(get_engine(pg_store), write=False) as session:
        scored = set(session.exec(select(Review.external_id).join(Score, col(Score.review_id) == Review.id)))
        replied = session.exec(select(Review.reply_text).where(Review.external_id == "r3")).one()
    assert scored == {"r3"} and replied == "Thanks!"  # r5 was edited meanwhile: scored again from its new text
