"""`umot rescore` (#18): a removed brand theme leaves the stored readings, and themes read before
scoring take the review's label once it is scored, without re-reading everything each night."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _store(db_url: str) -> list[int]:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, [
            {"source": "trustpilot", "external_id": "1", "text": "The member prices are a joke.", "rating": 2},
            {"source": "trustpilot", "external_id": "2", "text": "The delivery was late.", "rating": 1},
        ], brand_id=brand)
    with session_scope(get_engine(db_url), write=False) as session:
        return [stored_id(r) for r in session.exec(select(Review).order_by(col(Review.id)))]


def _themes(db_url: str, ids: list[int]) -> list[dict[str, str]]:
    from models.crud.journeys import current_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        got = current_journeys(session, ids)
    return [got[i]["themes"] for i in ids]


def _rescore(db_url: str) -> str:
    done = runner.invoke(app, ["rescore", "--brand", "Acme", "--database-url", db_url])
    assert done.exit_code == 0, done.output
    return done.output


def _score(db_url: str, ids: list[int], labels: list[str]) -> None:
    from models.crud import save_scores
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        save_scores(session, [{"review_id": i, "model_version": "m", "label": lab} for i, lab in zip(ids, labels)])


def test_a_removed_brand_theme_leaves_the_readings(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "umot.toml"
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    ids = _store(db_url)
    _score(db_url, ids, ["negative", "negative"])
    _rescore(db_url)
    added = runner.invoke(app, ["themes", "add", "Acme", "member_pricing", "-d", "member prices", "-e", "member price",
                                "--config", str(config), "--database-url", db_url])
    assert added.exit_code == 0, added.output
    assert "2 reviews" in _rescore(db_url)
    assert "member_pricing" in _themes(db_url, ids)[0]
    assert runner.invoke(app, ["themes", "remove", "Acme", "member_pricing", "--config", str(config)]).exit_code == 0
    assert "2 reviews" in _rescore(db_url)
    assert _themes(db_url, ids) == [{"price_value": "negative"}, {"delivery": "negative", "speed_wait": "negative"}]
    assert "0 reviews" in _rescore(db_url)


def test_themes_read_before_scoring_take_the_label_once_scored(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    ids = _store(db_url)
    assert "2 reviews" in _rescore(db_url)
    assert _themes(db_url, ids)[0] == {"price_value": "neutral"}  # no label, no lexicon word: neutral for now
    assert "0 reviews" in _rescore(db_url)  # still unscored: nothing to read again
    _score(db_url, ids[:1], ["negative"])
    assert "1 review " in _rescore(db_url)  # the scored one only
    assert _themes(db_url, ids)[0] == {"price_value": "negative"}
    assert "0 reviews" in _rescore(db_url)
