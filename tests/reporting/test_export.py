"""Weekly export: every column, the injection guard, --excel, atomic writes, week boundaries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from models.db import init_db
from models.tables import Brand, Flag, Review, Score
from reporting import (
    ExportError,
    IsoWeek,
    WeekError,
    csv_safe,
    last_complete_week,
    parse_week,
    write_weekly_export,
)
from reporting.columns import DETRACTOR_COLUMNS, SUMMARY_COLUMNS
from reporting.files import slugify, write_csv
from umot.cli import app

UTC = UTC
W47 = "2026-W47"  # Monday 2026-11-16 .. Sunday 2026-11-22


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def add_review(session, brand, n, *, when, rating=None, label=None, stars=None, flag=None, **extra):
    """One review, optionally scored and flagged; returns it."""
    fields = {"url": f"https://shop.example/r/{n}", "author": f"author {n}", "text": f"text {n}", **extra}
    review = Review(brand_id=brand.id, source="schemaorg:shop.example", external_id=str(n),
                    rating=rating, published_at=when, **fields)
    session.add(review)
    session.flush()
    if label is not None:
        p = {"negative": (0.8, 0.15, 0.05), "neutral": (0.2, 0.6, 0.2), "positive": (0.05, 0.15, 0.8)}[label]
        score = Score(
            review_id=review.id, model_version="test-v1", label=label, stars=stars,
            p_negative=p[0], p_neutral=p[1], p_positive=p[2], confidence=max(p),
            detractor=flag is not None, reasons=["negative_text"] if flag else [],
        )
        session.add(score)
        session.flush()
        if flag is not None:
            session.add(Flag(review_id=review.id, score_id=score.id, brand_id=brand.id,
                             reasons=["negative_text", "low_rating"], severity=flag[1], status=flag[0]))
    return review


def seed(engine) -> None:
    """Three brands; Acme has reviews in weeks 46, 47 and 48 of 2026."""
    with Session(engine) as s:
        acme, cafe, quiet = Brand(name="Acme"), Brand(name="Café & Co."), Brand(name="Quiet")
        s.add_all([acme, cafe, quiet])
        s.flush()
        # W46 (last week): 2 reviews, 1 negative/flagged, 1 positive.
        add_review(s, acme, 1, when=at(2026, 11, 10, 9), rating=1, label="negative", stars=1.3, flag=("resolved", 0.5))
        add_review(s, acme, 2, when=at(2026, 11, 11, 9), rating=5, label="positive", stars=4.8)
        # W47: 4 reviews.
        add_review(s, acme, 3, when=at(2026, 11, 16, 0, 0), rating=2, label="negative", stars=1.9,
                   flag=("new", 0.7), text='=HYPERLINK("http://evil.example","click")',
                   author="@attacker", title="-1+2", referral_intent="warn")
        add_review(s, acme, 4, when=at(2026, 11, 22, 23, 59, 59), rating=None, label="negative", stars=1.2,
                   flag=("in_progress", 0.9), text="Broke after a day. Ünïcode ✓")
        add_review(s, acme, 5, when=at(2026, 11, 18, 12), rating=4, label="positive", stars=4.1)
        add_review(s, acme, 6, when=at(2026, 11, 19, 12), rating=5, label="neutral", stars=3.0,
                   flag=("dismissed", 0.4))
        # W48: Monday 00:00 belongs to the next week.
        add_review(s, acme, 7, when=at(2026, 11, 23, 0, 0), rating=1, label="negative", stars=1.0, flag=("new", 1.0))
        # Unscored review without a published date falls back to first_seen_at.
        s.add(Review(brand_id=cafe.id, source="feed:news", external_id="c1", text="nice",
                     first_seen_at=at(2026, 11, 17, 8)))
        s.commit()


@pytest.fixture
def store(tmp_path: Path):
    """A migrated SQLite store holding :func:`seed`'s reviews."""
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    seed(engine)
    return engine


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"author": str, "title": str})


# --- the guard ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("u")'])
def test_csv_safe_neutralises_formula_starts(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["hello", "a=b", " =x", "", None, -1.5, 0, 3])
def test_csv_safe_leaves_plain_values(value):
    assert csv_safe(value) == value


# --- the files ----------------------------------------------------------------

def test_export_writes_three_files_with_slugified_names(store, tmp_path):
    paths = write_weekly_export(store, week=W47, out_dir=tmp_path / "out")
    assert [p.name for p in paths] == [
        "detractors-acme-2026-W47.csv",
        "detractors-cafe-co-2026-W47.csv",
        "detractors-quiet-2026-W47.csv",
        "summary-2026-W47.csv",
        "sentiment-2026-W47.png",
        "advocates-acme-2026-W47.csv",  # tests/reporting/test_advocates_benchmark.py
        "advocates-cafe-co-2026-W47.csv",
        "advocates-quiet-2026-W47.csv",
        "themes-acme-2026-W47.csv",  # tests/reporting/test_themes_export.py
        "themes-cafe-co-2026-W47.csv",
        "themes-quiet-2026-W47.csv",
    ]
    assert paths[4].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_detractor_csv_every_column(store, tmp_path):
    [acme, cafe, *_] = write_weekly_export(store, week=W47, out_dir=tmp_path)
    frame = read(acme)
    assert list(frame.columns) == list(DETRACTOR_COLUMNS)
    assert len(read(cafe)) == 0 and list(read(cafe).columns) == list(DETRACTOR_COLUMNS)
    # Reviews 3 and 4 only: 6 is dismissed, 1 is last week, 7 is next week; worst first.
    assert list(frame["review_id"]) == [4, 3]
    worst, injected = frame.iloc[0], frame.iloc[1]
    assert worst["date"] == "2026-11-22T23:59:59+00:00"
    assert worst["source"] == "schemaorg:shop.example"
    assert worst["url"] == "https://shop.example/r/4"
    assert worst["author"] == "author 4"
    assert pd.isna(worst["rating"])
    assert worst["predicted_stars"] == pytest.approx(1.2)
    assert worst["label"] == "negative"
    assert (worst["p_negative"], worst["p_neutral"], worst["p_positive"]) == pytest.approx((0.8, 0.15, 0.05))
    assert worst["reasons"] == "negative_text; low_rating"
    assert pd.isna(worst["referral_intent"])
    assert worst["triage_status"] == "in_progress"
    assert worst["severity"] == pytest.approx(0.9)
    assert pd.isna(worst["title"])
    assert worst["text"] == "Broke after a day. Ünïcode ✓"
    assert injected["date"] == "2026-11-16T00:00:00+00:00"
    assert injected["rating"] == 2
    assert injected["referral_intent"] == "warn"
    assert injected["triage_status"] == "new"
    # Formula injection: text, author and title are shown as typed, never run.
    assert injected["text"] == '\'=HYPERLINK("http://evil.example","click")'
    assert injected["author"] == "'@attacker"
    assert injected["title"] == "'-1+2"


def test_summary_csv_every_column(store, tmp_path):
    summary = read(write_weekly_export(store, week=W47, out_dir=tmp_path)[3])
    assert list(summary.columns) == list(SUMMARY_COLUMNS)
    assert list(summary["brand"]) == ["Acme", "Café & Co.", "Quiet"]
    acme = summary.iloc[0].to_dict()
    assert pd.isna(acme.pop("median_reply_hours"))  # no replies in this store: tests/reporting/test_reply_figures.py
    # W47 Acme: reviews 3,4,5,6; labels neg, neg, pos, neu; ratings 2, -, 4, 5; flags 3,4 (6 dismissed).
    # NPS stars: 2 (det), 1.2 predicted (det), 4 (passive), 5 (promoter) -> 25% - 50% = -25.
    # W46 Acme: reviews 1,2; neg/pos; ratings 1, 5; one flag; NPS 50% - 50% = 0.
    assert acme == {
        "week": W47, "brand": "Acme", "reviews": 4, "detractors": 2, "scored": 4,
        "negative_pct": 50.0, "neutral_pct": 25.0, "positive_pct": 25.0,
        "avg_rating": pytest.approx(3.67), "nps": -25.0, "nps_basis": 4,
        "reviews_change": 2, "detractors_change": 1,
        "negative_pct_change": 0.0, "positive_pct_change": -25.0,
        "avg_rating_change": pytest.approx(0.67), "nps_change": -25.0,
        "detractor_rate": 50.0, "reply_rate": 0.0, "reply_rate_change": 0.0,
    }
    cafe = summary.iloc[1]
    assert (cafe["reviews"], cafe["detractors"], cafe["scored"], cafe["nps_basis"]) == (1, 0, 0, 0)
    assert summary.iloc[1][["negative_pct", "avg_rating", "nps", "nps_change"]].isna().all()
    assert summary.iloc[2]["reviews"] == 0


def test_excel_option_writes_a_bom_and_default_does_not(store, tmp_path):
    plain = write_weekly_export(store, week=W47, out_dir=tmp_path / "plain")
    excel = write_weekly_export(store, week=W47, out_dir=tmp_path / "excel", excel=True)
    for p, e in zip(plain[:4], excel[:4]):
        assert not p.read_bytes().startswith(b"\xef\xbb\xbf")
        assert e.read_bytes().startswith(b"\xef\xbb\xbfreview_id," if "detractors" in e.name else b"\xef\xbb\xbfweek,")
        assert e.read_bytes()[3:] == p.read_bytes()
    assert list(pd.read_csv(excel[0], encoding="utf-8-sig").columns) == list(DETRACTOR_COLUMNS)


def test_write_is_atomic_when_the_run_dies(tmp_path):
    target = tmp_path / "summary.csv"
    write_csv(target, ["a"], [["old"]])

    def dying_rows():
        yield ["new"]
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError):
        write_csv(target, ["a"], dying_rows())
    assert target.read_bytes() == b"a\r\nold\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.csv"]


# --- weeks --------------------------------------------------------------------

def test_week_boundaries_sunday_2359_vs_monday_0000(store, tmp_path):
    w47 = read(write_weekly_export(store, week=W47, brand="acme", out_dir=tmp_path)[0])
    w48 = read(write_weekly_export(store, week="2026-W48", brand="Acme", out_dir=tmp_path)[0])
    assert 4 in set(w47["review_id"]) and 7 not in set(w47["review_id"])
    assert list(w48["review_id"]) == [7]
    assert IsoWeek(2026, 47).bounds(ZoneInfo("UTC")) == (at(2026, 11, 16), at(2026, 11, 23))


def test_week_boundaries_follow_the_export_timezone(store, tmp_path):
    # Sunday 23:59:59 UTC is Monday 00:59:59 in Berlin: week 48 there.
    berlin = read(write_weekly_export(store, week="2026-W48", brand="Acme", out_dir=tmp_path, tz="Europe/Berlin")[0])
    assert list(berlin["review_id"]) == [7, 4]
    assert berlin["date"].iloc[1] == "2026-11-23T00:59:59+01:00"


def test_default_week_is_the_last_complete_iso_week():
    utc = ZoneInfo("UTC")
    assert str(last_complete_week(utc, at(2026, 11, 23, 0, 0))) == "2026-W47"
    assert str(last_complete_week(utc, at(2026, 11, 22, 23, 59))) == "2026-W46"
    assert str(last_complete_week(ZoneInfo("Asia/Tokyo"), at(2026, 11, 22, 15, 30))) == "2026-W47"
    assert str(last_complete_week(utc, at(2027, 1, 4, 6))) == "2026-W53"


@pytest.mark.parametrize("text", ["2026-W54", "2025-W53", "W47", "2026-47", ""])
def test_parse_week_rejects_bad_weeks(text):
    with pytest.raises(WeekError):
        parse_week(text)


def test_unknown_brand_and_timezone_are_errors(store, tmp_path):
    with pytest.raises(ExportError, match=r"no brand named 'Nope'.*Acme"):
        write_weekly_export(store, week=W47, brand="Nope", out_dir=tmp_path)
    with pytest.raises(ExportError, match="unknown timezone"):
        write_weekly_export(store, week=W47, out_dir=tmp_path, tz="Mars/Olympus")


def test_slugify():
    assert slugify("Café & Co.") == "cafe-co"
    assert slugify("  ACME  GmbH ") == "acme-gmbh"


# --- the command ---------------------------------------------------------------

def test_cli_export_writes_the_files(store, tmp_path, monkeypatch):
    monkeypatch.setenv("UMOT_DATABASE_URL", str(store.url))
    result = CliRunner().invoke(app, ["export", "--week", W47, "--brand", "Acme", "--out", str(tmp_path / "x"), "--excel"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "x").iterdir())
    assert names == ["advocates-acme-2026-W47.csv", "detractors-acme-2026-W47.csv", "sentiment-acme-2026-W47.png",
                     "summary-acme-2026-W47.csv", "themes-acme-2026-W47.csv"]
    assert (tmp_path / "x" / "summary-acme-2026-W47.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--week", "2026-W60"], "2026 has no week 60"), (["--brand", "Nope"], "no brand named 'Nope'"),
     (["--timezone", "Nowhere/City"], "unknown timezone")],
)
def test_cli_export_bad_input_is_one_line(store, tmp_path, monkeypatch, args, message):
    monkeypatch.setenv("UMOT_DATABASE_URL", str(store.url))
    result = CliRunner().invoke(app, ["export", "--out", str(tmp_path / "x"), *args])
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "x").exists()


@pytest.mark.postgres
def test_postgresql_store_exports_the_same_csvs(store, tmp_path, pg_database):
    """Same rows, same week cut, same figures on PostgreSQL (timestamptz) as on SQLite."""
    pg = init_db(pg_database)
    seed(pg)
    for zone in ("UTC", "Europe/Berlin"):
        lite = write_weekly_export(store, week=W47, out_dir=tmp_path / f"lite-{zone}", tz=zone)
        post = write_weekly_export(pg, week=W47, out_dir=tmp_path / f"pg-{zone}", tz=zone)
        for a, b in zip(lite[:4], post[:4]):
            assert a.name == b.name and a.read_bytes() == b.read_bytes(), a.name


def test_count_flagged_counts_every_brand_and_skips_dismissed(store):
    from reporting.detractor_data import count_flagged

    zone = ZoneInfo("UTC")
    with Session(store) as s:
        counts = {w: count_flagged(s, *parse_week(w).bounds(zone)) for w in ("2026-W46", W47, "2026-W48")}
    assert counts == {"2026-W46": 1, W47: 2, "2026-W48": 1}  # W47's dismissed flag is left out


@pytest.mark.parametrize(("now", "expected"), [
    (at(2026, 11, 23, 10), W47),  # Monday of W48: one flag so far, W47 has two -> last week
    (at(2026, 11, 18, 10), W47),  # Wednesday of W47: two flags, W46 one -> this week
])
def test_demo_exports_the_busier_of_this_and_last_week(store, monkeypatch, now, expected):
    from umot.cli._demo_export import demo_week

    monkeypatch.delenv("UMOT_TIMEZONE", raising=False)
    assert str(demo_week(store, ["Acme"], now=now)) == expected


def test_demo_week_counts_only_the_demo_brands(store, monkeypatch):
    """Another brand's flags (a real brand in the same store) do not choose the demo's week."""
    from umot.cli._demo_export import demo_week

    monkeypatch.delenv("UMOT_TIMEZONE", raising=False)
    with Session(store) as s:
        other = Brand(name="Other")
        s.add(other)
        s.flush()
        for n in range(5):
            add_review(s, other, 100 + n, when=at(2026, 11, 23, 1), rating=1, label="negative", flag=("new", 0.9))
        s.commit()
    monday = at(2026, 11, 23, 10)
    assert str(demo_week(store, ["Acme"], now=monday)) == W47
    assert str(demo_week(store, ["Acme", "Other"], now=monday)) == "2026-W48"



def test_median_reply_hours_leaves_out_undated_reviews(store, tmp_path):
    """An undated review is dated when first seen, often after its reply: the summary read -399.6 hours."""
    with Session(store) as s:
        quiet = s.get(Brand, 3)
        dated = add_review(s, quiet, 30, when=at(2026, 11, 17, 8), rating=1, label="negative", stars=1.0,
                           flag=("new", 1.0), reply_text="Sorry", replied_at=at(2026, 11, 17, 18))
        undated = add_review(s, quiet, 31, when=None, rating=1, label="negative", stars=1.0, flag=("new", 1.0),
                             reply_text="Sorry", replied_at=at(2026, 11, 1, 12))
        undated.first_seen_at = at(2026, 11, 18, 8)
        s.commit()
        assert dated.replied_at is not None
    summary = read(write_weekly_export(store, week=W47, out_dir=tmp_path)[3])
    quiet_row = summary[summary["brand"] == "Quiet"].iloc[0]
    assert (quiet_row["reviews"], quiet_row["reply_rate"], quiet_row["median_reply_hours"]) == (2, 100.0, 10.0)
