"""``umot score`` and the nightly run give the same verdict and reasons for the same review.

They used to differ: the nightly run read the title before the text and added
"warns others off", ``umot score`` did neither. Both go through
``nlp.review_scoring.score_reviews`` now. The same reviews are scored together
on both sides, so int8 batches hold the same neighbours (see docs/operations.md).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.slow

REVIEWS = [
    {"external_id": "r1", "title": "Stay away", "text": "The lid cracked after a week and support never answered.",
     "rating": 4.0},
    {"external_id": "r2", "title": "Broken on arrival", "text": "Do not buy this kettle, it leaks everywhere.",
     "rating": None},
    {"external_id": "r3", "title": "Love it", "text": "Boils fast and quietly. I'd recommend it to anyone.",
     "rating": 5.0},
]


def test_umot_score_and_the_nightly_score_task_agree(tmp_path: Path, db_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlmodel import select

    import nlp
    from flows.tasks.score import score_pending
    from flows.tasks.score_store import read_batch
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review, Score
    from umot.cli import app

    file = tmp_path / "reviews.csv"
    with file.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["external_id", "title", "text", "rating"])
        writer.writeheader()
        writer.writerows({**r, "rating": "" if r["rating"] is None else r["rating"]} for r in REVIEWS)
    out = tmp_path / "scored.jsonl"
    result = CliRunner().invoke(app, ["score", str(file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    by_cli = {row["external_id"]: row for row in map(json.loads, out.read_text().splitlines())}

    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    with session_scope(get_engine(db_url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [{**r, "source": "shop"} for r in REVIEWS], brand_id=brand_id)
    scorer = nlp.load_scorer()
    score_pending(scorer, read_batch(scorer.version, (brand_id,), 256))
    with session_scope(get_engine(db_url), write=False) as session:
        stored = {s.review_id: s for s in session.exec(select(Score))}
        flags = {f.review_id: f for f in session.exec(select(Flag))}
        ids = dict(session.exec(select(Review.external_id, Review.id)).all())
    for external_id, row in by_cli.items():
        score = stored[ids[external_id]]
        assert (score.detractor, score.reasons, score.label) == (row["detractor"], row["reasons"], row["label"])
        if score.detractor:
            assert flags[ids[external_id]].reasons == row["reasons"]
    assert "warns others off" in by_cli["r2"]["reasons"]
