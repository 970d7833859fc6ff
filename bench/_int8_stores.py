"""The int8 batching benchmark's stores: a MARC dev sample stored in a shuffled order,
then scored through the nightly path, with the batches cut by id or in content order.

Apart from ``bench.int8_batches``, which compares what these stores flag, so that the
store side can be tested with a stand-in scorer and no model.
"""

from __future__ import annotations

import csv
import gzip
import os
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "marc_en_dev.csv.gz"
CHUNK = 256


def sample_reviews(n: int, data: Path = DATA) -> list[dict[str, Any]]:
    """``n`` MARC dev reviews as crawl rows, the same ones every run (a seeded shuffle)."""
    with gzip.open(data, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    random.Random(15).shuffle(rows)
    return [{"source": "marc", "external_id": f"m{i}", "text": r["text"], "rating": float(r["stars"])}
            for i, r in enumerate(rows[:n])]


def shuffled_store(path: Path, reviews: list[dict[str, Any]], seed: int) -> str:
    """An SQLite store holding ``reviews`` inserted in a shuffled order (ids follow it)."""
    from models import crud
    from models.db import init_db, session_scope

    url = f"sqlite:///{path}"
    order = list(reviews)
    random.Random(seed).shuffle(order)
    with session_scope(init_db(url)) as session:
        brand_id = crud.get_or_create_brand(session, "Bench").id
        for row in order:
            crud.upsert_reviews(session, [row], brand_id=brand_id)
    return url


def score_store(url: str, scorer: Any, *, content_order: bool) -> dict[str, tuple]:
    """Score the store as the nightly run does; external id -> (flag, label, reasons)."""
    from sqlmodel import select

    from flows.tasks.score import score_pending
    from flows.tasks.score_store import read_batch
    from models.crud.scores import unscored_ids_in_scoring_order
    from models.db import get_engine, session_scope
    from models.tables import Review, Score

    os.environ["UMOT_DATABASE_URL"] = url
    with session_scope(get_engine(url), write=False) as session:
        if content_order:
            plan = unscored_ids_in_scoring_order(session, model_version=scorer.version)
        else:
            plan = sorted(session.exec(select(Review.id)))
    for start in range(0, len(plan), CHUNK):
        score_pending(scorer, read_batch(scorer.version, None, CHUNK, plan[start:start + CHUNK]))
    with session_scope(get_engine(url), write=False) as session:
        rows = session.exec(select(Review.external_id, Score.detractor, Score.label, Score.reasons)
                            .join(Score, Score.review_id == Review.id))
        return {e: (d, label, tuple(reasons)) for e, d, label, reasons in rows}
