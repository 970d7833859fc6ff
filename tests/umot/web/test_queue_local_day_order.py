"""The queue orders by the export timezone's days (UMOT_TIMEZONE), as its rows show their dates.

Before, it ordered by the UTC day: in Los Angeles a review written at 23:30 on 10 March (07:30 UTC
on the 11th) sorted among the 11th's, by severity above them, while its row said 2026-03-10.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from test_export_zone_views import add_brand
from triage_pages import PASSWORD, login

from models.crud.triage import QueueFilter, create_user, query_queue
from models.datetimes import as_utc
from models.db import get_engine, session_scope
from models.tables import Flag, Review
from umot.web.auth import hash_password

LATE_EVENING = datetime(2026, 3, 11, 6, 30, tzinfo=UTC)  # 10 March 23:30 PDT
MORNING = datetime(2026, 3, 11, 17, 0, tzinfo=UTC)  # 11 March 10:00 PDT
NOON_BEFORE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 10 March 12:00 PDT


def _brand(url: str) -> int:
    """Zed's three detractors; the late evening one the most severe, the morning one the least."""
    from sqlmodel import col, select

    brand_id = add_brand(url, "Zed", [LATE_EVENING, MORNING, NOON_BEFORE])  # Zed0, Zed1, Zed2
    with session_scope(get_engine(url)) as s:
        for flag, external_id in s.exec(select(Flag, Review.external_id).join(Review, col(Review.id) == Flag.review_id)
                                        .where(Flag.brand_id == brand_id)):
            flag.severity = {"Zed0": 0.9, "Zed1": 0.2, "Zed2": 0.5}[external_id]
    return brand_id


def _order(url: str, brand_id: int, zone) -> list[datetime]:  # noqa: ANN001
    with session_scope(get_engine(url), write=False) as s:
        rows, _ = query_queue(s, QueueFilter(brand_id=brand_id, status=None, zone=zone), limit=None)
        return [as_utc(r.review.published_at) for r in rows if r.review.published_at]


def test_the_queue_orders_by_the_zones_days(any_seeded) -> None:  # noqa: ANN001
    brand_id = _brand(any_seeded.url)
    # the 11th (PDT) first, then the 10th's, most severe first: the late evening belongs to the 10th
    assert _order(any_seeded.url, brand_id, ZoneInfo("America/Los_Angeles")) == [MORNING, LATE_EVENING, NOON_BEFORE]
    assert _order(any_seeded.url, brand_id, timezone(timedelta(hours=-7))) == [MORNING, LATE_EVENING, NOON_BEFORE]
    # in UTC the late evening is the 11th's and, more severe, leads it
    assert _order(any_seeded.url, brand_id, UTC) == [LATE_EVENING, MORNING, NOON_BEFORE]
    assert _order(any_seeded.url, brand_id, ZoneInfo("UTC")) == [LATE_EVENING, MORNING, NOON_BEFORE]


def test_the_queue_page_lists_days_in_order(seeded, client, monkeypatch) -> None:  # noqa: ANN001
    brand_id = _brand(seeded.url)
    with session_scope(get_engine(seeded.url)) as s:
        create_user(s, email="zoe@zed.example", password_hash=hash_password(PASSWORD), brand_ids=[brand_id])
    monkeypatch.setenv("UMOT_TIMEZONE", "America/Los_Angeles")
    assert login(client, "zoe@zed.example").status_code == 303
    page = client.get("/?status=all").text
    days = re.findall(r'<td class="nowrap">(\d{4}-\d\d-\d\d)</td>', page)
    assert days == ["2026-03-11", "2026-03-10", "2026-03-10"], days
