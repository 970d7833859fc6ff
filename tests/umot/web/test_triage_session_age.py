"""A session ends 12 hours after login, however busy: a stolen cookie can't be kept alive by polling."""

from __future__ import annotations

import json
import time
from base64 import b64decode, b64encode

import pytest
from fastapi.testclient import TestClient
from itsdangerous import TimestampSigner
from triage_pages import login

HOUR = 3600
COOKIE = "umot_session"
SECRET = "test-secret-key"  # the conftest app's


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """``time.time()`` for everyone (the app, the cookie signer, the client's cookie jar): move it by hand."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def _in(client: TestClient) -> bool:
    return client.get("/", follow_redirects=False).status_code == 200


def test_polling_does_not_keep_a_session_past_12_hours(app, clock: list[float]) -> None:
    client = TestClient(app)
    assert login(client, "ana@acme.example").status_code == 303
    stolen = TestClient(app, cookies={COOKIE: client.cookies[COOKIE]})
    for _ in range(11):  # a page every hour re-signs the cookie
        clock[0] += HOUR
        assert _in(stolen)
    clock[0] += HOUR - 5
    assert _in(stolen)  # still under 12 hours since the login
    clock[0] += 10
    assert not _in(stolen)
    assert not _in(client)  # the owner's session, same login, ends too
    assert login(client, "ana@acme.example").status_code == 303 and _in(client)  # a new login: 12 more hours


def test_a_session_from_before_the_login_time_ends(app, clock: list[float]) -> None:
    client = TestClient(app)
    assert login(client, "ana@acme.example").status_code == 303
    signer = TimestampSigner(SECRET)
    session = json.loads(b64decode(signer.unsign(client.cookies[COOKIE])))
    assert isinstance(session.pop("login_at"), int)
    old = TestClient(app, cookies={COOKIE: signer.sign(b64encode(json.dumps(session).encode())).decode()})
    assert not _in(old)  # signed by the code before this change: no login time, log in again


def test_a_login_time_from_the_future_is_not_trusted(app, clock: list[float]) -> None:
    """A cookie is signed by this app only; still, a clock set back does not stretch a session."""
    from types import SimpleNamespace
    from typing import Any, cast

    from models.tables import User
    from umot.web.auth import hash_password, log_in, session_is_current

    user = User(id=1, email="a@acme.example", password_hash=hash_password("a-password"), session_version=0)
    request = cast(Any, SimpleNamespace(session={}))
    log_in(request, user)
    assert session_is_current(request, user)
    clock[0] -= 13 * HOUR
    assert not session_is_current(request, user)
