"""The overview's weeks and `umot detractors list`'s dates are in the export timezone, as the weekly CSVs'.

A detractor at Sunday 22:30 UTC is Monday 00:30 in Berlin: the CSVs put it in the next
week, and so must the overview; across a DST change too (the week's Monday has its own offset).
"""

from __future__ import annotations

import csv
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from triage_pages import login

from models.crud.triage import weekly_figures
from models.db import get_engine, session_scope
from reporting.weekly import write_weekly_export
from reporting.weeks import IsoWeek, resolve_timezone


def add_brand(url: str, name: str, when: list[datetime], rating: float = 1) -> int:
    """A brand whose reviews, written at ``when``, are all flagged detractors."""
    from models.crud import get_or_create_brand, save_scores, upsert_flags, upsert_reviews

    with session_scope(get_engine(url)) as s:
        brand = get_or_create_brand(s, name)
        rows = [{"source": "appstore", "external_id": f"{name}{i}", "rating": rating, "text": f"Broken again {i}",
                 "published_at": at} for i, at in enumerate(when)]
        ids = upsert_reviews(s, rows, brand_id=brand.id).new_ids
        scores = save_scores(s, [{"review_id": i, "model_version": "m1", "label": "negative", "stars": 1.2,
                                  "p_negative": 0.9, "p_neutral": 0.05, "p_positive": 0.05, "confidence": 0.9,
                                  "detractor": True, "reasons": ["rated 1★"]} for i in ids])
        upsert_flags(s, [{"review_id": i, "score_id": sid, "brand_id": brand.id, "reasons": ["rated 1★"],
                          "severity": 1.0} for i, sid in zip(ids, scores)])
        return int(brand.id or 0)


def _csv_detractors(url: str, name: str, monday: date, zone: str, out: Path) -> int:
    week = str(IsoWeek.of(monday))
    write_weekly_export(get_engine(url), week=week, brand=name, out_dir=out, tz=zone)
    with (out / f"summary-{name.lower()}-{week}.csv").open(encoding="utf-8") as fh:
        return int(next(csv.DictReader(fh))["detractors"])


@pytest.mark.parametrize(("zone", "when", "expected"), [
    # Monday 00:30 Berlin (summer time), and a Wednesday
    ("Europe/Berlin", [datetime(2026, 6, 14, 22, 30, tzinfo=UTC), datetime(2026, 6, 17, 12, tzinfo=UTC)],
     {date(2026, 6, 1): 0, date(2026, 6, 8): 0, date(2026, 6, 15): 2}),
    # summer time ends on 25 October: Mondays 12 and 19 October start at 22:00 UTC, Monday 26 October at 23:00
    ("Europe/Berlin", [datetime(2026, 10, 11, 22, 30, tzinfo=UTC), datetime(2026, 10, 18, 22, 30, tzinfo=UTC), datetime(2026, 10, 25, 22, 30, tzinfo=UTC),
                       datetime(2026, 10, 28, 12, tzinfo=UTC)],
     {date(2026, 10, 12): 1, date(2026, 10, 19): 2, date(2026, 10, 26): 1}),
    # summer time starts on 8 March in New York: Monday 9 March starts at 04:00 UTC, not 05:00
    ("America/New_York", [datetime(2026, 3, 9, 4, 30, tzinfo=UTC), datetime(2026, 3, 2, 4, 30, tzinfo=UTC)],
     {date(2026, 2, 23): 1, date(2026, 3, 2): 0, date(2026, 3, 9): 1}),
])
def test_weeks_are_cut_as_the_csvs_cut_them(seeded, tmp_path: Path, zone: str, when: list[datetime],
                                           expected: dict[date, int]) -> None:
    brand_id = add_brand(seeded.url, "Zed", when)
    with session_scope(get_engine(seeded.url)) as s:
        weeks = {w.week: w.detractors for w in weekly_figures(s, brand_id, weeks=3, zone=resolve_timezone(zone))}
    assert weeks == expected
    for monday, count in expected.items():
        assert _csv_detractors(seeded.url, "Zed", monday, zone, tmp_path / str(monday)) == count


def test_the_overview_page_uses_umot_timezone(seeded, client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "Europe/Berlin")
    brand_id = add_brand(seeded.url, "Zed", [datetime(2026, 6, 14, 22, 30, tzinfo=UTC),
                                            datetime(2026, 6, 17, 12, tzinfo=UTC)], rating=2)
    assert login(client, "root@umot.example").status_code == 303
    html = client.get(f"/brands/{brand_id}").text
    detractors = html.split('aria-label="Detractors per week"', 1)[1].split("</svg>", 1)[0]
    assert re.findall(r"<title>(\d\d \w+): (\S+)</title>", detractors)[-2:] == [("08 Jun", "0"), ("15 Jun", "2")]
    ratings = html.split('aria-label="Average rating per week"', 1)[1].split("</svg>", 1)[0]
    assert "<title>08 Jun: no data ★</title>" in ratings and "<title>15 Jun: 2 ★</title>" in ratings


@pytest.mark.parametrize(("zone", "day"), [("Europe/Berlin", "2026-06-15"), ("UTC", "2026-06-14")])
def test_detractors_list_dates_a_flag_in_the_export_timezone(seeded, zone: str, day: str) -> None:
    from typer.testing import CliRunner

    from umot.cli import app

    add_brand(seeded.url, "Zed", [datetime(2026, 6, 14, 22, 30, tzinfo=UTC)])
    r = CliRunner().invoke(app, ["detractors", "list", "--brand", "Zed", "--database-url", seeded.url],
                           env={"UMOT_TIMEZONE": zone, "COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert re.search(rf"\sZed\s+{day}\s+appstore\s", r.output), r.output


def test_detractors_list_refuses_an_unknown_timezone_in_one_line(seeded) -> None:
    from typer.testing import CliRunner

    from umot.cli import app

    r = CliRunner().invoke(app, ["detractors", "list", "--database-url", seeded.url], env={"UMOT_TIMEZONE": "Mars/Olympus"})
    assert r.exit_code == 2, r.output
    assert r.output.strip().splitlines() == ["error: UMOT_TIMEZONE='Mars/Olympus': unknown timezone (use an IANA name such as Europe/Berlin)"], r.output  # a bad setting (core.settings)
