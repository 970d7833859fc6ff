"""What ``--actor`` may be (``umot detractors set``, ``umot themes correct``). Longer than the audit trail's
column: one line (exit 2) and nothing written, the same on SQLite (which kept it whole) and PostgreSQL (a
StringDataRightTruncation traceback). Blank: the OS user, ``cli:<user>``; multi-line: one line, nothing
written (``--actor "   "`` stored '   ', ``$'x\\ny'`` an entry read as two)."""

from __future__ import annotations

import getpass
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


def _actors(url: str) -> list[str]:
    """Who each audit entry and theme correction names, in order."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import FlagEvent, ThemeCorrection

    with session_scope(get_engine(url), write=False) as session:
        return [e.actor for e in session.exec(select(FlagEvent))] + [c.actor for c in session.exec(select(ThemeCorrection))]


@pytest.mark.parametrize("actor", ["   ", "\t"])
def test_a_blank_actor_is_the_os_user(store: tuple[str, int, int], actor: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")
    url, review_id, flag_id = store
    done = runner.invoke(app, ["detractors", "set", str(flag_id), "--note", "hi", "--actor", actor, "--database-url", url])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["themes", "correct", str(review_id), "--add", "price_value", "--actor", actor,
                               "--database-url", url])
    assert done.exit_code == 0, done.output
    assert len(_actors(url)) >= 2 and set(_actors(url)) == {"cli:ann"}  # a correction of a flagged review is audited on its flag too


def test_an_actor_is_stored_stripped(store: tuple[str, int, int]) -> None:
    url, _, flag_id = store
    done = runner.invoke(app, ["detractors", "set", str(flag_id), "--note", "hi", "--actor", " ops-bot ", "--database-url", url])
    assert done.exit_code == 0, done.output
    assert _actors(url) == ["ops-bot"]


@pytest.mark.parametrize("command", ["set", "correct"])
def test_a_multi_line_actor_is_one_line_and_nothing_written(store: tuple[str, int, int], command: str) -> None:
    url, review_id, flag_id = store
    args = (["detractors", "set", str(flag_id), "--status", "resolved"] if command == "set"
            else ["themes", "correct", str(review_id), "--add", "price_value"])
    done = runner.invoke(app, [*args, "--actor", "x\ny", "--database-url", url])
    assert done.exit_code == 2, done.output
    assert done.stderr == "error: --actor holds a control character (\\n): names are one line of text\n"
    assert _actors(url) == []
