"""`umot users add` refuses an email the app could log in with but never record a change under.

A change is recorded as ``web:<email>`` (300 characters) and a flag is assigned to the
email (300): the longest usable email is 296, read from those columns.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from triage_pages import csrf_of, login
from typer.testing import CliRunner

from umot.cli import app as cli

PASSWORD = "long-email-pass"
DOMAIN = "@acme.example"


def _add(url: str, email: str):  # noqa: ANN202
    return CliRunner().invoke(cli, ["users", "add", email, "--brand", "Acme", "--password-stdin", "--database-url", url],
                              input=PASSWORD + "\n")


def _users(url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(url)) as s:
        return [u.email for u in s.exec(select(User))]


def test_the_limit_comes_from_the_columns() -> None:
    from umot.web.auth import email_limit

    assert email_limit() == (296, "the audit trail's 'web:<email>' holds 300")


def test_one_past_the_limit_is_refused_in_one_line(seeded) -> None:
    before = _users(seeded.url)
    email = "a" * (297 - len(DOMAIN)) + DOMAIN
    result = _add(seeded.url, email)
    assert result.exit_code == 2, result.output
    assert re.fullmatch(r"error: email 'a{24}…' is 297 characters long; at most 296 "
                        r"\(the audit trail's 'web:<email>' holds 300\)\n", result.output), result.output
    assert _users(seeded.url) == before


def test_a_user_at_the_limit_can_change_and_take_a_flag(app, seeded) -> None:
    email = "b" * (296 - len(DOMAIN)) + DOMAIN
    assert _add(seeded.url, email).exit_code == 0
    client = TestClient(app)
    assert login(client, email, PASSWORD).status_code == 303
    flag_id = seeded.flags["a13"]
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    r = client.post(f"/flags/{flag_id}", data={"status": "in_progress", "assignee": email, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get(f"/flags/{flag_id}").text
    assert page.count(f"web:{email}") == 2  # status and assignee, in the audit trail
