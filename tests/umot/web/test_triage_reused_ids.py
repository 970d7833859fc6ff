"""A removed user's cookie never opens another user's session, even when SQLite reuses the id.

The ``user`` table has no AUTOINCREMENT: on SQLite the next new user gets the
highest deleted id back. The cookie must still be the removed user's, not theirs.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select
from triage_pages import csrf_of, login
from typer.testing import CliRunner

from umot.cli import app as cli

COOKIE = "umot_session"


def _umot(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _user_id(url: str, email: str) -> int:
    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(url)) as s:
        found = s.exec(select(User.id).where(User.email == email)).one()
        assert found is not None
        return found


def test_a_removed_users_cookie_is_not_the_next_users_session(app, client, seeded) -> None:
    db = ("--database-url", seeded.url)
    _umot("users", "add", "ex@acme.example", "--brand", "Acme", *db, env={"UMOT_USER_PASSWORD": "ex-pass-123"})
    assert login(client, "ex@acme.example", "ex-pass-123").status_code == 303
    old_id = _user_id(seeded.url, "ex@acme.example")
    saved = TestClient(app, cookies={COOKIE: client.cookies[COOKIE]})  # the ex-employee's browser
    token = csrf_of(saved.get(f"/flags/{seeded.flags['a0']}").text)

    _umot("users", "remove", "ex@acme.example", *db)
    _umot("users", "add", "newadmin@umot.example", "--admin", *db, env={"UMOT_USER_PASSWORD": "newadmin-pass-1"})
    assert _user_id(seeded.url, "newadmin@umot.example") == old_id  # the id came back (the bug's setup)

    r = saved.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    globex_flag = seeded.flags["g0"]  # an admin could change it; the old cookie must not
    r = saved.post(f"/flags/{globex_flag}", data={"status": "resolved", "csrf_token": token}, follow_redirects=False)
    assert r.status_code in (303, 403) and r.headers.get("location", "/login").startswith("/login")
    assert login(client, "newadmin@umot.example", "newadmin-pass-1").status_code == 303
    assert "No changes yet" in client.get(f"/flags/{globex_flag}").text


def test_same_id_and_version_but_another_row_is_not_current() -> None:
    """The stamp holds on its own: a new row that drew the same version still isn't the cookie's user."""
    from types import SimpleNamespace
    from typing import Any, cast

    from models.tables import User
    from umot.web.auth import hash_password, log_in, session_is_current

    gone = User(id=4, email="ex@acme.example", password_hash=hash_password("ex-pass-123"), session_version=0)
    request = cast(Any, SimpleNamespace(session={}))
    log_in(request, gone)
    assert session_is_current(request, gone)
    newcomer = User(id=4, email="ex@acme.example", password_hash=hash_password("ex-pass-123"), session_version=0)
    assert not session_is_current(request, newcomer)  # same id, email, password and version: another salt


def test_new_users_start_at_random_session_versions(seeded) -> None:
    from models.crud.triage import create_user, end_sessions
    from models.crud.triage.users import VERSION_LIMIT
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as s:
        users = [create_user(s, email=f"u{i}@acme.example", password_hash="x", brand_ids=[]) for i in range(8)]
        assert len({u.session_version for u in users}) > 1
        users[0].session_version = VERSION_LIMIT - 1
        end_sessions(s, users[0])  # still fits PostgreSQL's 32-bit column
        assert users[0].session_version == 0
