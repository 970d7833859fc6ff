"""A store a newer umot migrated: refused in one line before anything changes (was alembic's
"Can't locate revision identified by '0099'" traceback from every command)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models.db import create_engine_for, init_db
from models.db_url import DatabaseUrlError
from models.migrate import current_revision, upgrade
from models.migrate_known import UnknownRevisionError


def _set_revision(url: str, revision: str) -> None:
    engine = create_engine_for(url, migrating=True)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    finally:
        engine.dispose()


def test_a_store_ahead_of_the_code_is_refused_and_left_as_it_is(empty_url: str) -> None:
    init_db(empty_url)
    _set_revision(empty_url, "0099")
    with pytest.raises(UnknownRevisionError) as caught:
        init_db(empty_url)
    message = str(caught.value)
    assert message.endswith("is at revision 0099, which this umot does not know (made by a newer version?)")
    assert message.startswith("the store at ") and "\n" not in message
    assert isinstance(caught.value, DatabaseUrlError)  # the CLI's one-line error wherever a command opens it
    with pytest.raises(UnknownRevisionError):
        upgrade(empty_url, "head")
    assert current_revision(empty_url) == "0099"  # nothing changed


def test_the_password_is_not_in_the_message() -> None:
    error = UnknownRevisionError("postgresql+psycopg://umot:secret@db.example/umot", ["0099"])
    assert "secret" not in str(error) and "umot:***@db.example" in str(error)


def test_a_known_store_still_migrates(empty_url: str) -> None:
    init_db(empty_url)
    init_db(empty_url)  # at head: the check reads, and changes nothing
