"""End to end, as a user runs it: ``umot demo`` twice on a fresh data dir.

Real everything: the generated demo site on 127.0.0.1, Scrapy crawls, the
SQLite store, the shipped model, flags, this week's CSV export, a temporary
local Prefect API. The second run must store nothing twice and say so.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
N_REVIEWS = 60


def _shipped_model() -> bool:
    model = ROOT / "nlp" / "model"
    return (model / "umot_model.json").exists() or (model / "config.json").exists()


def _umot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    umot = Path(sys.executable).with_name("umot")
    return subprocess.run([str(umot), *args], env=env, cwd=env["HOME_DIR"], capture_output=True, text=True,
                          timeout=900)


@pytest.mark.skipif(not _shipped_model(), reason="no shipped model in nlp/model yet (the model engineer's `make model`)")
def test_demo_crawls_scores_flags_exports_and_reruns_without_duplicates(tmp_path: Path) -> None:
    from models.db import get_engine
    from models.tables import Flag, Review, Score
    from umot.export.weeks import IsoWeek

    env = {k: v for k, v in os.environ.items() if not k.startswith(("UMOT_", "PREFECT_"))}
    env.update(HOME_DIR=str(tmp_path), UMOT_DATA_DIR=str(tmp_path / "data"),
               UMOT_EXPORT_DIR=str(tmp_path / "exports"), UMOT_CONFIG=str(tmp_path / "umot.toml"))

    first = _umot(env, "demo", "--reviews", str(N_REVIEWS))

    assert first.returncode == 0, first.stdout + first.stderr
    assert f"{N_REVIEWS} new reviews; 0 already stored" in first.stdout
    engine = get_engine(f"sqlite:///{(tmp_path / 'data' / 'umot.db').resolve()}")
    with engine.connect() as conn:
        one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
        reviews = one(select(func.count()).select_from(Review))
        versions = conn.execute(select(Score.model_version).distinct()).scalars().all()
        detractors = one(select(func.count()).select_from(Score).where(Score.detractor == True))  # noqa: E712
        flags = one(select(func.count()).select_from(Flag))
        low_rated_unflagged = one(
            select(func.count()).select_from(Review).outerjoin(Flag, Flag.review_id == Review.id)
            .where(Review.rating <= 2, Flag.id.is_(None))
        )
        flagged_urls = set(conn.execute(select(Review.url).join(Flag, Flag.review_id == Review.id)).scalars())
    assert reviews == N_REVIEWS
    assert len(versions) == 1 and "keyword" not in versions[0]
    assert flags == detractors > 0 and low_rated_unflagged == 0

    week = IsoWeek.of(datetime.now(timezone.utc).date())
    csvs = sorted((tmp_path / "exports").glob(f"detractors-*-{week}.csv"))
    assert len(csvs) == 4, list((tmp_path / "exports").iterdir())
    rows = [row for path in csvs for row in csv.DictReader(path.open(encoding="utf-8"))]
    assert {row["url"] for row in rows} <= flagged_urls
    assert all(row["reasons"] and float(row["severity"]) > 0 for row in rows)

    second = _umot(env, "demo", "--reviews", str(N_REVIEWS))

    assert second.returncode == 0, second.stdout + second.stderr
    assert f"0 new reviews; {N_REVIEWS} already stored; 0 new detractors" in second.stdout
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Review)).scalar_one() == N_REVIEWS
        assert conn.execute(select(func.count()).select_from(Flag)).scalar_one() == flags
