"""An ``--actor`` longer than the audit trail's column: one line (exit 2) and nothing written, the same on
SQLite (which kept it whole) and PostgreSQL (a StringDataRightTruncation traceback)."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
LONG = "x" * 400


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> tuple[str, int, int]:
    """A migrated store with one review and its flag: (url, review id, flag id); PostgreSQL skipped without a server."""
    from models import crud
    from models.db import get_engine, init_db, session_scope
    from models.stored import stored_id
    from models.tables import Flag

    url: str = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_database")
    init_db(url)
    with session_scope(get_engine(url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Acme"))
        row = {"source": "shop", "external_id": "r1", "rating": 1, "text": "Too expensive for what it is"}
        review_id = crud.upsert_reviews(session, [row], brand_id=brand_id).new_ids[0]
        flag = Flag(review_id=review_id, brand_id=brand_id, reasons=["rating"])
        session.add(flag)
        session.flush()
        return url, review_id, stored_id(flag)


def _written(url: str) -> dict[str, Any]:
    """What these commands could write: the flag's fields, its events, theme corrections."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Flag, FlagEvent, ThemeCorrection

    with session_scope(get_engine(url), write=False) as session:
        return {
            "flags": [(f.status, f.note, f.assignee) for f in session.exec(select(Flag))],
            "events": len(session.exec(select(FlagEvent)).all()),
            "corrections": len(session.exec(select(ThemeCorrection)).all()),
        }


def test_detractors_set_refuses_an_over_long_actor(store: tuple[str, int, int]) -> None:
    url, _, flag_id = store
    before = _written(url)
    r = runner.invoke(app, ["detractors", "set", str(flag_id), "--actor", LONG, "--note", "hi", "--database-url", url])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == "error: actor 'xxxxxxxxxxxxxxxxxxxxxxxx…' is 400 characters long; at most 300"
    assert _written(url) == before
    fits = runner.invoke(app, ["detractors", "set", str(flag_id), "--actor", "x" * 300, "--note", "hi", "--database-url", url])
    assert fits.exit_code == 0, fits.output
    assert _written(url)["events"] == before["events"] + 1


def test_themes_correct_refuses_an_over_long_actor(store: tuple[str, int, int]) -> None:
    url, review_id, _ = store
    before = _written(url)
    r = runner.invoke(app, ["themes", "correct", str(review_id), "--add", "price_value", "--actor", LONG,
                            "--database-url", url])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == (f"error: review {review_id}: actor 'xxxxxxxxxxxxxxxxxxxxxxxx…' "
                                "is 400 characters long; at most 300")
    assert _written(url) == before
    fits = runner.invoke(app, ["themes", "correct", str(review_id), "--add", "price_value", "--actor", "x" * 300,
                               "--database-url", url])
    assert fits.exit_code == 0, fits.output
    assert _written(url)["corrections"] == 1
