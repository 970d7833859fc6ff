"""`umot themes list/add/remove/correct` and `umot rescore` (#18): brand themes in umot.toml, readings in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _store(db_url: str) -> list[int]:
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        brand = crud.get_or_create_brand(session, "Acme")
        crud.upsert_reviews(session, [
            {"source": "googleplay", "external_id": "1", "text": "The app keeps crashing after the update. Uninstalled."},
            {"source": "trustpilot", "external_id": "2", "text": "My loyalty card points vanished and support was rude."},
        ], brand_id=brand.id)
    with session_scope(get_engine(db_url), write=False) as session:
        return list(session.exec(select(Review.id).order_by(Review.id)))


def _journeys(db_url: str, ids: list[int]) -> dict:
    from models.crud.journeys import current_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return current_journeys(session, ids)


def test_add_list_remove_a_brand_theme(tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    config.write_text('# kept\n[[sources]]\nbrand = "Acme"\nname = "play"\nspider = "googleplay"\n')
    done = runner.invoke(app, ["themes", "add", "Acme", "loyalty_card", "-d", "the Acme Plus card",
                               "-e", "loyalty card", "-e", "reward points", "--config", str(config)])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["themes", "list", "--brand", "Acme", "--config", str(config)])
    assert "loyalty_card" in listed.output and "delivery" in listed.output and "research" in listed.output
    assert runner.invoke(app, ["themes", "remove", "Acme", "loyalty_card", "--config", str(config)]).exit_code == 0
    assert config.read_text().startswith("# kept\n[[sources]]") and "loyalty_card" not in config.read_text()
    again = runner.invoke(app, ["themes", "remove", "Acme", "loyalty_card", "--config", str(config)])
    assert again.exit_code == 2  # bad input, like every other name that is not there
    assert again.output.strip().splitlines() == [f"error: {config}: brand 'Acme' has no theme 'loyalty_card' (`umot themes list --brand 'Acme'`)"]


@pytest.mark.parametrize(("args", "message"), [
    (["Acme", "delivery", "-d", "x", "-e", "late"], "theme 'delivery' duplicates a default theme"),
    (["Acme", "card", "-d", " ", "-e", "card"], "theme 'card' has an empty description"),
    (["Acme", "card", "-d", "x" * 201, "-e", "card"], "description is longer than 200 characters"),
    (["Acme", "card", "-d", "the card"], "needs 1 to 20 example phrases"),
    (["Acme", "Card Points", "-d", "x", "-e", "card"], "lower_snake_case"),
])
def test_bad_theme_definitions_are_refused_and_the_file_kept(tmp_path: Path, args: list[str], message: str) -> None:
    config = tmp_path / "umot.toml"
    before = '[[themes]]\nbrand = "Acme"\nname = "parking"\ndescription = "parking"\nexamples = ["parking"]\n'
    config.write_text(before)
    result = runner.invoke(app, ["themes", "add", *args, "--config", str(config)])
    assert result.exit_code != 0 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert config.read_text() == before


def test_a_file_that_does_not_parse_is_named(tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    config.write_text("[[themes]\nbrand = ")
    result = runner.invoke(app, ["themes", "list", "--config", str(config)])
    assert result.exit_code != 0 and f"{config}: not valid TOML" in result.output
    assert "default themes" not in result.output


def test_rescore_reads_brand_themes_and_corrections_are_audited(db_url: str, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "umot.toml"
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    ids = _store(db_url)
    assert runner.invoke(app, ["themes", "add", "Acme", "loyalty_card", "-d", "the card", "-e", "loyalty card",
                               "--config", str(config), "--database-url", db_url]).exit_code == 0
    done = runner.invoke(app, ["rescore", "--database-url", db_url])
    assert done.exit_code == 0 and "2 reviews" in done.output, done.output
    got = _journeys(db_url, ids)
    assert got[ids[0]]["themes"] == {"app_reliability": "negative"} and "repeat" in got[ids[0]]["stages"]
    assert {"loyalty_card", "service_staff"} <= set(got[ids[1]]["themes"])
    again = runner.invoke(app, ["rescore", "--database-url", db_url])
    assert "0 reviews" in again.output  # nothing left without a current reading
    every = runner.invoke(app, ["rescore", "--all", "--brand", "Acme", "--database-url", db_url])
    assert every.exit_code == 0 and "2 reviews in 1 brand" in every.output, every.output
    unknown = runner.invoke(app, ["rescore", "--brand", "Nope", "--database-url", db_url])
    assert unknown.exit_code != 0 and "no brand named 'Nope'" in unknown.output

    bad = runner.invoke(app, ["themes", "correct", str(ids[1]), "--add", "parking", "--database-url", db_url])
    assert bad.exit_code != 0 and "unknown theme 'parking'" in bad.output
    assert _journeys(db_url, ids) == got
    ok = runner.invoke(app, ["themes", "correct", str(ids[1]), "--remove", "service_staff", "--actor", "ann",
                             "--database-url", db_url])
    assert ok.exit_code == 0, ok.output
    assert "service_staff" not in _journeys(db_url, ids)[ids[1]]["themes"]

    from nlp.themes.corrections import CorrectionMemory, corrections_file
    from umot.cli._training_from_store import export_theme_corrections

    assert "Acme: 1 correction" in export_theme_corrections(db_url, "Acme")
    memory = CorrectionMemory.load(corrections_file(tmp_path / "data", "Acme"))
    assert memory.apply("My loyalty card points vanished and support was rude!", {"service_staff": "negative"}) == {}


def test_adding_a_theme_the_brand_has_says_it_already_exists(tmp_path: Path) -> None:
    """Not "theme 'x' is defined twice": the file is fine, the theme is there already (as `sources add` says)."""
    config = tmp_path / "umot.toml"
    config.write_text('[[sources]]\nbrand = "Acme"\nname = "play"\nspider = "googleplay"\n')
    add = ["themes", "add", "Acme", "parking", "-d", "the car park", "-e", "parking", "--config", str(config)]
    assert runner.invoke(app, add).exit_code == 0
    before = config.read_text()
    again = runner.invoke(app, add)
    assert again.exit_code == 2 and config.read_text() == before
    assert again.output.strip().splitlines() == [
        f"error: {config}: brand 'Acme' already has a theme 'parking' (to change it, `umot themes remove 'Acme' parking` first)"]
