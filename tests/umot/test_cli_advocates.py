"""`umot advocates list`: the known store's advocates, by brand and week; bad input is one line."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from tests.reporting.rivals_store import W46, W47, build
from umot.cli import app


def test_lists_advocates_by_brand_and_week(db_url: str) -> None:
    build(db_url)
    runner = CliRunner()
    acme = runner.invoke(app, ["advocates", "list", "--brand", "Acme", "--week", W47, "--database-url", db_url],
                         env={"COLUMNS": "200"})
    assert acme.exit_code == 0, acme.output
    assert "author a5" in acme.output and "author a4" in acme.output and "author a6" not in acme.output
    assert "author g2" not in acme.output and acme.output.strip().endswith("2 advocates in 2026-W47")
    every = runner.invoke(app, ["advocates", "list", "--database-url", db_url], env={"COLUMNS": "200"})
    assert every.output.strip().endswith("3 advocates")
    none = runner.invoke(app, ["advocates", "list", "--week", W46, "--database-url", db_url])
    assert none.output.strip().endswith("0 advocates in 2026-W46")


def test_bad_input_is_one_line(db_url: str) -> None:
    build(db_url)
    runner = CliRunner()
    brand = runner.invoke(app, ["advocates", "list", "--brand", "Nope", "--database-url", db_url])
    assert brand.exit_code == 2 and "no brand named 'Nope' in the store (brands: Acme, Globex, Initech)" in brand.output
    week = runner.invoke(app, ["advocates", "list", "--week", "last week", "--database-url", db_url])
    assert week.exit_code == 2 and "--week/--timezone: week 'last week' is not an ISO week like 2026-W47" in week.output


def test_detractors_list_filters_by_reply(db_url: str) -> None:
    build(db_url)
    runner = CliRunner()
    args = ["detractors", "list", "--brand", "Acme", "--format", "csv", "--database-url", db_url]
    unanswered = runner.invoke(app, [*args, "--reply", "unanswered"])
    assert unanswered.exit_code == 0, unanswered.output
    assert "review a3" in unanswered.output and "review a0" in unanswered.output and "review a1" not in unanswered.output
    answered = runner.invoke(app, [*args, "--reply", "answered"])
    assert "review a1" in answered.output and "review a2" in answered.output and "review a3" not in answered.output
    bad = runner.invoke(app, [*args, "--reply", "maybe"])
    assert bad.exit_code == 2 and "unknown --reply 'maybe' (choose from unanswered, answered)" in bad.output


def test_the_table_stays_readable_at_80_columns(db_url: str) -> None:
    """At 80 and 100 columns brand, author, source, stars and said shrank to nothing and the date was cut
    to `2026-1`, while the whole link kept its width: the link gives way now, as `detractors list`'s text."""
    build(db_url)
    for width in (80, 100):
        result = CliRunner().invoke(app, ["advocates", "list", "--database-url", db_url], env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert max(map(len, lines)) <= width, result.output
        assert re.match(r"date\s+brand\s+author\s+source\s+stars\s+thanked\s+said\s+link\s*$", lines[0]), result.output
        row = r"^2026-11-18\s+Acme\s+author a4\s+trustpilot\s+5★\s+yes\s+review a4\s+https://"
        assert re.search(row, result.output, re.M), result.output
        assert result.output.strip().endswith("3 advocates")


def test_a_rating_shows_as_published(db_url: str) -> None:
    """A 9/10 showed as 4.5 (normalised) where `detractors list` shows ratings as published."""
    from models import crud
    from models.db import get_engine, session_scope
    from tests.reporting.rivals_store import T

    ids = build(db_url)
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [{"source": "yelp", "external_id": "ten", "text": "Tell your friends!",
                                       "author": "author ten", "rating": 4.5, "rating_raw": 9, "rating_scale": 10,
                                       "published_at": T, "referral_intent": "recommend"}], brand_id=ids["Acme"])
    result = CliRunner().invoke(app, ["advocates", "list", "--brand", "Acme", "--database-url", db_url],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert re.search(r"author ten\s+yelp\s+9/10\s+no\s+", result.output), result.output
    assert re.search(r"author a4\s+trustpilot\s+5★\s+yes", result.output), result.output
    assert "4.5 " not in result.output
