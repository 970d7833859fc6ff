"""A theme correction exported by `umot train --from-db` reaches an identical copy of a review with emoji:
the file holds the stored text (emoji as emoji), the detector reads their names; both are compared cleaned."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.umot.review_themes import add_review, reading_themes
from umot.cli import app

runner = CliRunner()
TEXT = "Cold soup and a rude waiter 🥶🤮😡"


def test_an_exported_correction_reaches_a_copy_with_emoji(db_url: str, tmp_path: Path, monkeypatch) -> None:
    from nlp.themes.corrections import corrections_file
    from umot.cli._training_from_store import export_theme_corrections

    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    first = add_review(db_url, "1", TEXT)
    assert runner.invoke(app, ["rescore", "--database-url", db_url]).exit_code == 0
    assert "delivery" not in reading_themes(db_url, first)
    done = runner.invoke(app, ["themes", "correct", str(first), "--add", "delivery", "--polarity", "negative",
                               "--database-url", db_url])
    assert done.exit_code == 0, done.output
    assert "Acme: 1 correction" in export_theme_corrections(db_url, "Acme")
    [row] = [json.loads(line) for line in corrections_file(tmp_path / "data", "Acme").read_text().splitlines()]
    assert row["text"] == TEXT  # the stored text, as a triager saw it

    twin = add_review(db_url, "2", TEXT)  # a re-post: the same text, emoji and all
    assert runner.invoke(app, ["rescore", "--database-url", db_url]).exit_code == 0
    assert reading_themes(db_url, twin)["delivery"] == "negative"
