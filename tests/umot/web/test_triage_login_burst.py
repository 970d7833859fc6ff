"""A burst of parallel wrong passwords for one account on PostgreSQL: each is checked and counted in turn.

Before, every attempt of a burst passed the lock check before the first failure was counted, so 40
parallel guesses had 17 passwords checked where the throttle allows 3 (2 free tries, then a wait).
On SQLite a writing request holds the whole store, so attempts took turns already.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select
from triage_pages import csrf_of

from models.crud.triage import ThrottlePolicy
from models.db import get_engine, session_scope
from models.tables import LoginThrottle

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(180)]

BURST = 12
# The account's policy with its first wait long enough to outlast the burst: the count is then exact.
LOCK_AT_THIRD = ThrottlePolicy(slow_from=3, lock_at=3, lock_seconds=900, window_seconds=3600)


@pytest.fixture
def pg_app(pg_seeded, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # noqa: ANN001
    from umot.web.app import create_app

    monkeypatch.setattr("umot.web.login_limits.ACCOUNT_POLICY", LOCK_AT_THIRD)
    yield create_app(pg_seeded.url, secret_key="test-secret-key")


def _burst(app: object, email: str) -> list[int]:
    """``BURST`` clients post a wrong password for ``email`` at the same moment; their answers' codes."""
    clients = [TestClient(app) for _ in range(BURST)]
    tokens = [csrf_of(c.get("/login").text) for c in clients]
    start, codes = threading.Barrier(BURST), []

    def attempt(client: TestClient, token: str) -> None:
        start.wait()
        codes.append(client.post("/login", data={"email": email, "password": "guess", "csrf_token": token},
                                 follow_redirects=False).status_code)

    threads = [threading.Thread(target=attempt, args=pair) for pair in zip(clients, tokens, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return codes


def _failures(url: str, key: str) -> int | None:
    with session_scope(get_engine(url), write=False) as session:
        return session.exec(select(LoginThrottle.failures).where(LoginThrottle.key == key)).first()


@pytest.mark.parametrize("email", ["ana@acme.example", "nobody@acme.example"])
def test_a_burst_of_guesses_is_counted_one_at_a_time(pg_app, pg_seeded, email: str) -> None:  # noqa: ANN001
    codes = _burst(pg_app, email)
    assert sorted(codes) == [401, 401] + [429] * (BURST - 2)
    assert _failures(pg_seeded.url, f"account:{email}") == LOCK_AT_THIRD.lock_at  # checked 3 times, not 12


def test_a_login_waiting_too_long_for_its_turn_is_refused_as_busy(pg_app, pg_seeded) -> None:  # noqa: ANN001
    """While another attempt on the account is being checked, a login waits at most two seconds (holding none
    of the app's connections) and is then answered 429 "being checked", not "too many failed logins"."""
    import time

    from models.crud.triage import take_turns

    client = TestClient(pg_app)
    token = csrf_of(client.get("/login").text)
    with session_scope(get_engine(pg_seeded.url)) as holder:
        assert take_turns(holder, ["account:dee@acme.example"])
        began = time.monotonic()
        answer = client.post("/login", data={"email": "dee@acme.example", "password": "guess", "csrf_token": token},
                             follow_redirects=False)
        assert time.monotonic() - began < 10
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "1"
    assert "Another login for this account or address is being checked: try again in 1 s." in answer.text
    assert _failures(pg_seeded.url, "account:dee@acme.example") is None  # nothing was checked, nothing counted
