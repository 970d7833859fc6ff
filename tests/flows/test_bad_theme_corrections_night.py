"""A bad line in one brand's exported theme corrections: that brand's themes wait, the night goes on.

Before, ``CorrectionMemory.load``'s ValueError stopped the whole night ("the nightly run failed:
ValueError: ...jsonl:2: not a theme correction"): every brand unscored, unreported.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from flows.nightly import nightly
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST: dict[str, Any] = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


def test_a_bad_corrections_file_skips_that_brands_themes_only(
    store: str, add_source: Any, fake_crawls: Any, fake_scorer: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from models.db import get_engine
    from models.tables import Brand, Review, ReviewJourney
    from nlp.themes.corrections import corrections_file

    bad = corrections_file(tmp_path / "data", "Acme")
    bad.parent.mkdir(parents=True)
    bad.write_text('{"text": "late parcel", "added": ["delivery"], "removed": []}\nnot json\n', encoding="utf-8")
    add_source("Acme", "shop")
    add_source("Globex", "store")
    fake_crawls({"shop": [review_rows("shop", 3)], "store": [review_rows("store", 4)]})

    with caplog.at_level(logging.WARNING):
        result = nightly(**FAST)
    assert result.scored == 7 and result.themes_read == 4  # Globex's 4; Acme's wait for a good file
    with get_engine(store).connect() as conn:
        read: dict[str, int] = dict(conn.execute(select(col(Brand.name), func.count()).select_from(ReviewJourney)
                                 .join(Review, col(Review.id) == col(ReviewJourney.review_id))
                                 .join(Brand, col(Brand.id) == col(Review.brand_id)).group_by(col(Brand.name))).tuples().all())
    assert read == {"Globex": 4}
    assert f"themes and stages of Acme not read: {bad}:2: not a theme correction" in caplog.text
