"""``umot users add`` takes NAME@DOMAIN, both parts there: ``@`` and ``a@`` were added as logins."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.fixture
def store(db_url: str) -> str:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme")
    return db_url


def _users(db_url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(db_url), write=False) as session:
        return list(session.exec(select(User.email)))


@pytest.mark.parametrize("email", ["@", "a@", "@shop.example", "ana"])
def test_an_email_without_both_parts_is_refused(store: str, email: str) -> None:
    done = runner.invoke(app, ["users", "add", email, "--brand", "Acme", "--database-url", store],
                         env={"UMOT_USER_PASSWORD": "long enough pw"})
    assert done.exit_code == 2 and done.stdout == "", done.output
    assert done.stderr.strip() == (f"error: not an email address: {email!r} (NAME@DOMAIN, and no spaces, line breaks "
                                   "or invisible characters)")
    assert _users(store) == []


def test_an_email_with_both_parts_is_added(store: str) -> None:
    done = runner.invoke(app, ["users", "add", "Ana@Shop.example", "--brand", "Acme", "--database-url", store],
                         env={"UMOT_USER_PASSWORD": "long enough pw"})
    assert done.exit_code == 0 and "added ana@shop.example: sees Acme" in done.output, done.output
    assert _users(store) == ["ana@shop.example"]
