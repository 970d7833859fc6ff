"""`umot themes correct` refuses a correction that changes nothing: one line, exit 2, nothing stored.

Before, `--remove` of a theme the review did not have was stored, audited and exported for training.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner

from tests.umot.review_themes import add_review
from umot.cli import app

runner = CliRunner()


def test_a_correction_that_changes_nothing_is_one_line_and_stores_nothing(db_url: str, tmp_path: Path) -> None:
    from models.db import get_engine, session_scope
    from models.tables import ThemeCorrection

    rid = add_review(db_url, "1", "Pricey.")
    config = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    absent = runner.invoke(app, ["themes", "correct", str(rid), "--remove", "delivery", *config])
    assert absent.exit_code == 2, absent.output
    assert absent.output.strip().splitlines() == [
        f"error: review {rid}: theme 'delivery' is not in the review's themes, nothing to remove (its themes: (none))"]
    added = runner.invoke(app, ["themes", "correct", str(rid), "--add", "price_value", *config])
    assert added.exit_code == 0, added.output
    again = runner.invoke(app, ["themes", "correct", str(rid), "--add", "price_value", *config])
    assert again.exit_code == 2 and again.output.strip().splitlines() == [
        f"error: review {rid}: theme 'price_value' is already in the review's themes as negative, nothing to add"]
    with session_scope(get_engine(db_url), write=False) as session:
        assert [(c.theme, c.action) for c in session.exec(select(ThemeCorrection))] == [("price_value", "add")]
