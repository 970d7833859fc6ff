"""The nightly run reads themes and stages after scoring (#18) and names the top negative themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from flows.nightly import nightly
from flows.notify import format_message
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


def test_the_night_reads_themes_and_names_the_top_negative_ones(store, add_source, fake_crawls, fake_scorer) -> None:
    from models.db import get_engine
    from models.tables import ReviewJourney, ReviewTheme

    add_source("Acme", "shop")
    rows = [{**row, "published_at": None} for row in review_rows("shop", 12)]  # first seen tonight
    fake_crawls({"shop": [rows, []]})

    first = nightly(**FAST)
    assert first.themes_read == 12
    with get_engine(store).connect() as conn:
        assert conn.execute(select(func.count()).select_from(ReviewJourney)).scalar_one() == 12
        bad = conn.execute(select(func.count()).select_from(ReviewTheme)
                           .where(ReviewTheme.theme == "delivery", ReviewTheme.polarity == "negative")).scalar_one()
    assert bad == 4  # "awful, bad packaging": every third review
    acme = first.brands[0]
    assert acme.negative_themes[0] == ("delivery", 4)
    assert "Top negative themes: delivery (4)" in format_message(acme)
    assert "**Top negative themes** of the detractors written in the last 7 days: delivery (4)" in Path(first.report_path).read_text()

    second = nightly(**FAST)  # nothing new: nothing read again
    assert second.themes_read == 0


def test_the_night_reads_a_review_in_its_stored_language(store, add_source, fake_crawls, fake_scorer) -> None:
    """A review the site declared French takes its themes' polarity from its label, not from the
    English word list (the detector guessed the language from the words)."""
    from models.db import get_engine
    from models.tables import ReviewTheme

    add_source("Acme", "shop")
    row = {"source": "shop", "external_id": "fr1", "url": "http://shop.test/r/fr1", "author": "Zoé", "rating": 5.0,
           "text": "Love it. The delivery was late.", "language": "fr", "published_at": None}
    fake_crawls({"shop": [[row]]})
    nightly(**FAST)
    with get_engine(store).connect() as conn:
        polarities = conn.execute(select(ReviewTheme.polarity).where(ReviewTheme.theme == "delivery")).scalars().all()
    assert polarities == ["positive"]  # the 5-star review's label


def test_detractors_stored_minutes_into_the_night_are_in_its_top_negative_themes(
    store, add_source, fake_crawls, fake_scorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The top themes counted reviews dated up to a minute after the night started: undated ones stored (and so
    dated) by a crawl that took longer were left out, and the line was missing from the report and the webhook."""
    from datetime import UTC, datetime, timedelta

    import flows.nightly

    class FiveMinutesAgo(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206 - the night started 5 minutes before its crawl stored
            return datetime.now(tz) - timedelta(minutes=5)

    add_source("Acme", "shop")
    fake_crawls({"shop": [[{**row, "published_at": None} for row in review_rows("shop", 6)]]})
    monkeypatch.setattr(flows.nightly, "datetime", FiveMinutesAgo)
    result = nightly(**FAST)
    assert result.started_at < datetime.now(UTC) - timedelta(minutes=4)
    assert result.brands[0].negative_themes == [("delivery", 2)]
