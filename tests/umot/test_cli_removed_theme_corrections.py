"""A brand theme removed from umot.toml leaves the stored readings on `umot rescore`, even where
a triager had added it (the correction stays in the audit trail, and applies again if the theme
comes back); a reading that still has it can be cleared by hand."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner

from tests.umot.review_themes import add_review, reading_themes
from umot.cli import app

runner = CliRunner()
TEXT = "The parcel arrived two weeks late and the box was crushed."


def _setup(db_url: str, tmp_path: Path, monkeypatch) -> tuple[int, list[str]]:  # noqa: ANN001
    config = tmp_path / "umot.toml"
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    review_id = add_review(db_url, "1", TEXT)
    store = ["--database-url", db_url]
    assert runner.invoke(app, ["themes", "add", "Acme", "loyalty_card", "-d", "the card", "-e", "loyalty card",
                               "--config", str(config), *store]).exit_code == 0
    assert runner.invoke(app, ["rescore", *store]).exit_code == 0
    added = runner.invoke(app, ["themes", "correct", str(review_id), "--add", "loyalty_card", "--config", str(config),
                                *store])
    assert added.exit_code == 0 and "loyalty_card (negative)" in added.output, added.output
    assert runner.invoke(app, ["themes", "remove", "Acme", "loyalty_card", "--config", str(config)]).exit_code == 0
    return review_id, store


def _corrections(db_url: str) -> list[tuple[str, str]]:
    from models.db import get_engine, session_scope
    from models.tables import ThemeCorrection

    with session_scope(get_engine(db_url), write=False) as session:
        return [(c.theme, c.action) for c in session.exec(select(ThemeCorrection).order_by(ThemeCorrection.id))]


def test_rescore_drops_a_removed_theme_a_correction_had_added(db_url: str, tmp_path: Path, monkeypatch) -> None:
    review_id, store = _setup(db_url, tmp_path, monkeypatch)
    assert runner.invoke(app, ["rescore", "--brand", "Acme", *store]).exit_code == 0
    assert "loyalty_card" not in reading_themes(db_url, review_id) and "delivery" in reading_themes(db_url, review_id)
    assert _corrections(db_url) == [("loyalty_card", "add")]  # kept for the audit trail

    config = tmp_path / "umot.toml"  # the theme back: the triager's correction holds again
    assert runner.invoke(app, ["themes", "add", "Acme", "loyalty_card", "-d", "the card", "-e", "loyalty card",
                               "--config", str(config), *store]).exit_code == 0
    assert runner.invoke(app, ["rescore", "--brand", "Acme", *store]).exit_code == 0
    assert reading_themes(db_url, review_id)["loyalty_card"] == "negative"


def test_a_stale_theme_can_be_removed_by_hand_but_not_added(db_url: str, tmp_path: Path, monkeypatch) -> None:
    review_id, store = _setup(db_url, tmp_path, monkeypatch)
    assert "loyalty_card" in reading_themes(db_url, review_id)  # not re-read yet
    cleared = runner.invoke(app, ["themes", "correct", str(review_id), "--remove", "loyalty_card", *store])
    assert cleared.exit_code == 0, cleared.output
    assert "loyalty_card" not in reading_themes(db_url, review_id)
    again = runner.invoke(app, ["themes", "correct", str(review_id), "--add", "loyalty_card", *store])
    assert again.exit_code == 2 and "unknown theme 'loyalty_card'" in again.output
    assert len(again.output.strip().splitlines()) == 1
    assert _corrections(db_url) == [("loyalty_card", "add"), ("loyalty_card", "remove")]


def test_an_exported_correction_of_a_removed_theme_is_not_applied_to_like_texts(db_url: str, tmp_path: Path,
                                                                                monkeypatch) -> None:
    from umot.cli._training_from_store import export_theme_corrections

    _setup(db_url, tmp_path, monkeypatch)
    assert "Acme: 1 correction" in export_theme_corrections(db_url, "Acme")  # `umot train --from-db`
    twin = add_review(db_url, "2", TEXT + "!")
    assert runner.invoke(app, ["rescore", "--brand", "Acme", "--database-url", db_url]).exit_code == 0
    assert "loyalty_card" not in reading_themes(db_url, twin) and "delivery" in reading_themes(db_url, twin)
