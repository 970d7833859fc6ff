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


def test_an_advocates_rating_is_written_as_published_too(tmp_path) -> None:  # noqa: ANN001
    """A 9/10 was written only as its normalised 4.5, where the detractors' CSV writes ratings as published."""
    import csv

    from models import crud
    from models.db import init_db, session_scope
    from reporting.advocates import write_advocates_csv

    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    when = datetime(2026, 11, 17, 10, tzinfo=UTC)
    with session_scope(engine) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [
            {"source": "yelp", "external_id": "ten", "text": "Tell everyone!", "rating": 4.5, "rating_raw": 9,
             "rating_scale": 10, "published_at": when, "referral_intent": "recommend"},
            {"source": "trustpilot", "external_id": "five", "text": "Recommend it", "rating": 5,
             "published_at": when, "referral_intent": "recommend"},
            {"source": "reddit", "external_id": "mention", "text": "get one", "published_at": when,
             "referral_intent": "recommend"},
        ], brand_id=brand_id)
    path = tmp_path / "advocates.csv"
    with session_scope(engine) as session:
        write_advocates_csv(session, brand_id, when.replace(hour=0), when.replace(hour=23), path, ZoneInfo("UTC"),
                            excel=False)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {row["source"]: (row["rating"], row["rating_as_published"]) for row in csv.DictReader(handle)}
    assert rows == {"yelp": ("4.5", "9/10"), "trustpilot": ("5.0", "5★"), "reddit": ("", "")}
