"""Weekly export (#18): the detractors CSV's themes and stages, and themes-<brand>-<week>.csv."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlmodel import Session, select

from models import crud
from models.crud.journeys import save_journeys
from models.db import init_db
from models.tables import Review
from reporting.themes import THEME_COLUMNS
from reporting.weekly import write_weekly_export


def _seed(engine) -> list[int]:  # noqa: ANN001
    texts = [("Parcel came a week late and broken", datetime(2026, 11, 17, tzinfo=UTC)),
             ("Late again, and overpriced", datetime(2026, 11, 18, tzinfo=UTC)),
             ("Lovely quality", datetime(2026, 11, 19, tzinfo=UTC)),
             ("Late delivery", datetime(2026, 11, 10, tzinfo=UTC))]  # the week before
    with Session(engine) as session:
        brand = crud.get_or_create_brand(session, "Acme")
        crud.upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": t, "published_at": d}
                                      for i, (t, d) in enumerate(texts)], brand_id=brand.id)
        ids = list(session.exec(select(Review.id).order_by(Review.id)))
        crud.upsert_flags(session, [{"review_id": ids[0], "brand_id": brand.id, "reasons": ["rated 1★"], "severity": 2}])
        themes = [{"delivery": "negative", "product_quality": "negative"}, {"delivery": "negative", "price_value": "negative"},
                  {"product_quality": "positive"}, {"delivery": "negative"}]
        save_journeys(session, [{"review_id": r, "model_version": "v1", "themes": t, "stages": ["use", "refer"][: 1 + (i == 0)],
                                 "primary_stage": "use"} for i, (r, t) in enumerate(zip(ids, themes))])
        session.commit()
    return ids


def test_detractors_carry_themes_and_stages_and_a_themes_csv_is_written(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    ids = _seed(engine)
    paths = write_weekly_export(engine, week="2026-W47", out_dir=tmp_path / "out")
    names = [p.name for p in paths]
    assert "themes-acme-2026-W47.csv" in names
    detractors = pd.read_csv(tmp_path / "out" / "detractors-acme-2026-W47.csv")
    assert detractors.loc[0, "themes"] == "delivery (negative); product_quality (negative)"
    assert detractors.loc[0, "stages"] == "use; refer"
    themes = pd.read_csv(tmp_path / "out" / "themes-acme-2026-W47.csv")
    assert list(themes.columns) == list(THEME_COLUMNS)
    delivery = themes.set_index("theme").loc["delivery"]
    assert (delivery["mentions"], delivery["negative_share"], delivery["change"]) == (2, 1.0, 1)
    assert delivery["example_review_id"] == ids[0] and delivery["week"] == "2026-W47"
    quality = themes.set_index("theme").loc["product_quality"]
    assert (quality["mentions"], quality["positive_share"], quality["negative_share"]) == (2, 0.5, 0.5)
