"""reporting.advocates (advocates-<brand>-<week>.csv): one advocate's row, dated in the export's timezone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from models.crud.advocates import Advocate
from reporting.advocates import ADVOCATE_COLUMNS, advocate_row


def test_an_advocates_row_is_dated_in_the_export_timezone() -> None:
    item = Advocate(review_id=7, brand="Acme", date=datetime(2026, 11, 22, 23, 30, tzinfo=UTC), source="trustpilot",
                    url="https://www.trustpilot.com/reviews/7", author="Ann", rating=5.0, label="positive",
                    title=None, text="Tell everyone!", thanked=True)
    row = dict(zip(ADVOCATE_COLUMNS, advocate_row(item, ZoneInfo("Europe/Berlin"))))
    assert row["date"] == "2026-11-23T00:30:00+01:00"
    assert (row["review_id"], row["author"], row["thanked"]) == (7, "Ann", "yes")
