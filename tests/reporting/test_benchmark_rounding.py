"""benchmark-<brand>-<week>.csv: each change is taken from the exact figures and rounded once.

Acme's detractor rate goes from 1 of 3 (33.33…%) to 12 of 18 (66.66…%): a change of 33.3
points, where subtracting the rounded figures (66.7 − 33.3) read 33.4.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from models import crud
from models.crud.competitors import link_competitor
from models.db import init_db
from reporting.weekly import write_weekly_export

W47_TUESDAY = datetime(2026, 11, 17, 10, tzinfo=UTC)


def _reviews(session: Session, brand_id: int, prefix: str, day: datetime, count: int, flagged: int) -> None:
    rows = [{"source": "t", "external_id": f"{prefix}{i}", "text": "x", "rating": 1 if i < flagged else 5,
             "published_at": day + timedelta(minutes=i)} for i in range(count)]
    ids = crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids
    crud.upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": ["rated 1★"]} for i in ids[:flagged]])


def test_a_change_is_rounded_once_from_the_exact_figures(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        acme, globex = crud.get_or_create_brand(session, "Acme"), crud.get_or_create_brand(session, "Globex")
        link_competitor(session, "Acme", "Globex")
        _reviews(session, acme.id, "now", W47_TUESDAY, 18, 12)
        _reviews(session, acme.id, "before", W47_TUESDAY - timedelta(days=7), 3, 1)
        _reviews(session, globex.id, "g", W47_TUESDAY, 1, 0)
        session.commit()
    write_weekly_export(engine, week="2026-W47", brand="Acme", out_dir=tmp_path)
    with (tmp_path / "benchmark-acme-2026-W47.csv").open(encoding="utf-8", newline="") as handle:
        acme_row = next(csv.DictReader(handle))
    assert (acme_row["detractor_rate"], acme_row["detractor_rate_change"]) == ("66.7", "33.3")
    # 12×1★ + 6×5★ = 42/18 = 2.333… now, (1 + 5 + 5)/3 = 3.666… before: −1.33, not 2.33 − 3.67 = −1.34
    assert (acme_row["avg_rating"], acme_row["avg_rating_change"]) == ("2.33", "-1.33")
