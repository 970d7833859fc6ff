"""End to end, as a user runs it: ``umot demo`` twice on a fresh data dir.

Real everything: the generated demo site on 127.0.0.1, Scrapy crawls, the
SQLite store, the shipped model, flags, this week's CSV export, the nightly
flow on a Prefect API (a test one, shared by the module, so the two runs do
not each pay for starting one). The second run must store nothing twice and
say so.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
N_REVIEWS = 60

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="umot-prefect-home-"))


def _shipped_model() -> bool:
    model = ROOT / "nlp" / "model"
    return (model / "umot_model.json").exists() or (model / "config.json").exists()


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[None]:
    from flows.prefect_env import configure_prefect

    configure_prefect()  # umot's Prefect defaults before prefect loads
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.mark.skipif(not _shipped_model(), reason="no shipped model in nlp/model yet (the model engineer's `make model`)")
def test_demo_crawls_scores_flags_exports_and_reruns_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefect_api: None
) -> None:
    from typer.testing import CliRunner

    from models.db import dispose_engines, get_engine
    from models.tables import Flag, Review, Score
    from reporting.weeks import IsoWeek
    from umot.cli import app

    for name in ("UMOT_DATABASE_URL", "UMOT_MODEL", "UMOT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    demo = lambda: CliRunner().invoke(app, ["demo", "--reviews", str(N_REVIEWS)])  # noqa: E731

    first = demo()

    assert first.exit_code == 0, first.output
    assert f"{N_REVIEWS} new reviews; 0 already stored" in first.output
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
    # the shipped default (the distilled fast model), one version for every review
    assert versions and all(v.startswith("umot-minilm-sentiment-fast@") for v in versions) and len(versions) == 1
    assert flags == detractors > 0 and low_rated_unflagged == 0
    assert list((tmp_path / "data" / "reports").glob("nightly-*.md"))

    this_week = IsoWeek.of(datetime.now(UTC).date())
    csvs = sorted((tmp_path / "exports").glob("detractors-*.csv"))
    assert len(csvs) == 4, list((tmp_path / "exports").iterdir())
    assert {p.stem.rsplit("-", 2)[-2] + "-" + p.stem.rsplit("-", 1)[-1] for p in csvs} <= {
        str(this_week), str(this_week.shift(-1))}  # this week, or last week early in a week
    rows = [row for path in csvs for row in csv.DictReader(path.open(encoding="utf-8"))]
    assert rows and {row["url"] for row in rows} <= flagged_urls
    assert all(row["reasons"] and float(row["severity"]) > 0 for row in rows)

    second = demo()

    assert second.exit_code == 0, second.output
    assert f"0 new reviews; {N_REVIEWS} already stored; 0 new detractors" in second.output
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Review)).scalar_one() == N_REVIEWS
        assert conn.execute(select(func.count()).select_from(Flag)).scalar_one() == flags
    dispose_engines()
