"""Night queries benchmark: what the night asks the store per review, on 100,000 stored reviews.

Right after a bulk import (`umot import`, a first crawl), PostgreSQL has no
statistics on the new rows yet; a plan that walks an index backwards per review
then costs minutes (session 26 measured over 60 s for ``undetected_reviews`` on
100,000 reviews before migration 0007). Each case builds a store of ``SIZE``
reviews, each scored, all but ``PENDING`` read by the theme detector, and times
at once (no ANALYZE) the two queries a night runs over every review:

- **to read**: ``models.crud.journeys.undetected_reviews`` (the themes step's next batch);
- **to score**: ``models.crud.scores.unscored_ids_in_scoring_order`` (the scoring step's list).

Target: each under ``TARGET_S`` seconds on SQLite and on PostgreSQL (skipped, and
said so, where no server answers). ``python -m bench night_queries``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

SIZE = 100_000
PENDING = 1_000  # reviews scored but not read yet: the themes step's batch
TARGET_S = 2.0
MODEL = "bench-model"


def _fill(url: str) -> int:
    """A store of SIZE scored reviews, all but the newest PENDING read; the brand's id."""
    from sqlalchemy import insert
    from sqlmodel import Session, col, select

    from models.db import init_db
    from models.tables import Brand, Review, ReviewJourney, Score, table_of

    engine = init_db(url)
    with Session(engine) as session:
        brand = Brand(name="Bench")
        session.add(brand)
        session.commit()
        brand_id = int(brand.id or 0)
        session.execute(insert(table_of(Review)), [
            {"brand_id": brand_id, "source": "bench", "external_id": str(i), "text": f"review {i}", "extra": {}}
            for i in range(SIZE)])
        ids = list(session.exec(select(Review.id).where(Review.brand_id == brand_id).order_by(col(Review.id))))
        session.execute(insert(table_of(Score)), [
            {"review_id": i, "model_version": MODEL, "label": "positive", "reasons": []} for i in ids])
        session.execute(insert(table_of(ReviewJourney)), [
            {"review_id": i, "model_version": MODEL} for i in ids[:-PENDING]])
        session.commit()
    return brand_id


def _timed(url: str) -> dict[str, Any]:
    from sqlmodel import Session

    from models.crud.journeys import undetected_reviews
    from models.crud.scores import unscored_ids_in_scoring_order
    from models.db import get_engine

    brand_id = _fill(url)
    with Session(get_engine(url)) as session:
        start = time.perf_counter()
        to_read = undetected_reviews(session, model_version=MODEL, brand_id=brand_id, limit=PENDING)
        read_s = time.perf_counter() - start
        start = time.perf_counter()
        to_score = unscored_ids_in_scoring_order(session, model_version=MODEL, brand_ids=(brand_id,))
        score_s = time.perf_counter() - start
    assert len(to_read) == PENDING and not to_score, (len(to_read), len(to_score))
    return {"reviews": SIZE, "to_read_s": round(read_s, 3), "to_score_s": round(score_s, 3)}


def _postgres() -> dict[str, Any] | None:
    from bench._scratch_postgres import NoPostgres, scratch_database

    try:
        with scratch_database() as url:
            return _timed(url)
    except NoPostgres as exc:
        print(f"postgresql: skipped ({exc})")
        return None


def main() -> dict:
    from models.db import dispose_engines

    with tempfile.TemporaryDirectory(prefix="umot-bench-") as tmp:
        results: dict[str, Any] = {"target_s": TARGET_S, "sqlite": _timed(f"sqlite:///{Path(tmp) / 'night.db'}")}
        dispose_engines()
    results["postgresql"] = _postgres()
    cases = [r for r in (results["sqlite"], results["postgresql"]) if r]
    results["targets_met"] = all(r["to_read_s"] < TARGET_S and r["to_score_s"] < TARGET_S for r in cases)
    print(f"{'database':<12}{'reviews':>9}{'to read s':>11}{'to score s':>12}")
    for label in ("sqlite", "postgresql"):
        if results[label]:
            r = results[label]
            print(f"{label:<12}{r['reviews']:>9}{r['to_read_s']:>11}{r['to_score_s']:>12}")
    print(f"target: each < {TARGET_S} s, statistics not yet gathered -> {'met' if results['targets_met'] else 'NOT met'}")
    return results


if __name__ == "__main__":
    main()
