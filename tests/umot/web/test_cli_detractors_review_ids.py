"""``umot detractors list``'s table shows each flag's review id: ``umot themes correct`` takes that one.

The table showed only the flag id; a triager who passed it to ``themes correct``
(which takes a review id) corrected another review.
"""

from __future__ import annotations

import re

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def test_the_table_shows_the_review_id_next_to_the_flag_id(seeded) -> None:
    flag_id, review_id = seeded.flags["g0"], seeded.reviews["g0"]
    assert flag_id != review_id  # Acme's unflagged review sits between: the seeded ids differ here
    r = runner.invoke(app, ["detractors", "list", "--brand", "Globex", "--database-url", seeded.url],
                      env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert re.search(r"^\s*flag\s+review\s+brand\b", r.output, re.M), r.output
    row = re.search(rf"^\s*{flag_id}\s+(\d+)\s+Globex\s", r.output, re.M)
    assert row is not None and int(row[1]) == review_id, r.output


def test_themes_correct_with_the_tables_review_id_corrects_that_review(seeded, tmp_path) -> None:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import ThemeCorrection

    table = runner.invoke(app, ["detractors", "list", "--brand", "Globex", "--database-url", seeded.url]).output
    shown = re.search(rf"^\s*{seeded.flags['g0']}\s+(\d+)\s", table, re.M)
    assert shown is not None, table
    r = runner.invoke(app, ["themes", "correct", shown[1], "--add", "delivery", "--config", str(tmp_path / "umot.toml"),
                            "--database-url", seeded.url])
    assert r.exit_code == 0, r.output
    with session_scope(get_engine(seeded.url), write=False) as s:
        assert [c.review_id for c in s.exec(select(ThemeCorrection))] == [seeded.reviews["g0"]]
