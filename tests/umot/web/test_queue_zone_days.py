"""The queue's from/to are whole days in the export timezone (DST days too), and an unknown
UMOT_TIMEZONE stops `umot web` in one line while a page never fails on it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from test_export_zone_views import add_brand
from triage_pages import login

from models.crud.triage import QueueFilter, query_queue
from models.datetimes import as_utc
from models.db import get_engine, session_scope


def _days(url: str, brand_id: int, zone: str, first: date, last: date) -> list[datetime]:
    with session_scope(get_engine(url)) as s:
        rows, _ = query_queue(s, QueueFilter(brand_id=brand_id, status=None, date_from=first, date_to=last,
                                             zone=ZoneInfo(zone)), limit=None)
        return sorted(as_utc(r.review.published_at) for r in rows if r.review.published_at)


def test_a_dst_day_is_23_hours_from_midnight_to_midnight(any_seeded) -> None:  # noqa: ANN001
    # 8 March 2026 in New York: 00:00 EST (05:00 UTC) to 00:00 EDT on the 9th (04:00 UTC)
    when = [datetime(2026, 3, 8, 4, 30, tzinfo=UTC), datetime(2026, 3, 8, 5, 30, tzinfo=UTC),
            datetime(2026, 3, 9, 3, 30, tzinfo=UTC), datetime(2026, 3, 9, 4, 30, tzinfo=UTC)]
    brand_id = add_brand(any_seeded.url, "Zed", when)
    day = date(2026, 3, 8)
    assert _days(any_seeded.url, brand_id, "America/New_York", day, day) == when[1:3]
    assert _days(any_seeded.url, brand_id, "UTC", day, day) == when[:2]  # the store's own days without a zone


def test_a_first_day_before_any_utc_datetime_holds_every_review(seeded, client, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("UMOT_TIMEZONE", "Europe/Berlin")  # 0001-01-01 00:00 there is in year 0 UTC
    assert login(client, "ana@acme.example").status_code == 303
    page = client.get("/?from=0001-01-01&to=9999-12-31&status=all")
    assert page.status_code == 200 and "of 30" in page.text


def test_umot_web_refuses_an_unknown_timezone_in_one_line(seeded, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import socket

    import uvicorn
    from typer.testing import CliRunner

    from umot.cli import app

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("served with an unknown timezone"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    r = CliRunner().invoke(app, ["web", "--port", port, "--database-url", seeded.url], env={"UMOT_TIMEZONE": "Mars/Olympus"})
    assert r.exit_code == 2, r.output
    assert r.output.strip().splitlines() == ["error: UMOT_TIMEZONE='Mars/Olympus': unknown timezone (use an IANA name such as Europe/Berlin)"], r.output  # a bad setting (core.settings)
