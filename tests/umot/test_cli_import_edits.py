"""``umot import`` of a file whose reviews were edited since the last import: stored anew, and said so."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
CSV = "id,stars,text\na1,5,Loved it\na2,4,Fine\n"


def test_a_reimport_with_an_edited_review_updates_it_and_says_so(tmp_path: Path, db_url: str) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Review

    file = tmp_path / "export.csv"
    file.write_text(CSV, encoding="utf-8")
    args = ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url]
    assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
    file.write_text(CSV.replace("a1,5,Loved it", "a1,1,Broke after a week"), encoding="utf-8")
    again = runner.invoke(app, args, catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert "imported 2 reviews from" in again.stdout and "0 new, 2 already stored (1 edited)" in again.stdout
    with session_scope(get_engine(db_url)) as session:
        rows = {r.external_id: (r.text, r.rating, r.edited_at is not None) for r in session.exec(select(Review))}
    assert rows == {"a1": ("Broke after a week", 1.0, True), "a2": ("Fine", 4.0, False)}
    third = runner.invoke(app, args, catch_exceptions=False)
    assert third.stdout.rstrip().endswith("0 new, 2 already stored") and "(1 edited)" not in third.stdout
