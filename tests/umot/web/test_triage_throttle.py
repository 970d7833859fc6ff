"""Login throttling: failures slow an account or address down, then lock it (429 + Retry-After)."""

from __future__ import annotations

import logging

from fastapi.testclient import TestClient
from sqlalchemy import update
from triage_pages import login

from models.crud.triage import ACCOUNT_POLICY, ADDRESS_POLICY
from models.db import get_engine, session_scope
from models.tables import LoginThrottle


def _wait_out_locks(url: str) -> None:
    """What waiting for Retry-After would do, without the wait: every lock expires, counts stay."""
    with session_scope(get_engine(url)) as s:
        s.execute(update(LoginThrottle).values(locked_until=None))


def _fail_until_locked(client: TestClient, url: str, email: str, failures: int) -> list:
    """``failures`` wrong passwords for ``email``, waiting out each slow-down; the answers."""
    answers = []
    for _ in range(failures):
        answers.append(login(client, email, "wrong password"))
        if answers[-1].status_code == 429 and len(answers) < failures:
            _wait_out_locks(url)
    return answers


def test_policy_slows_down_then_locks() -> None:
    assert [ACCOUNT_POLICY.wait_after(n) for n in range(1, 12)] == [0, 0, 1, 2, 4, 8, 16, 32, 64, 900, 900]
    assert ADDRESS_POLICY.wait_after(9) == 0 and ADDRESS_POLICY.wait_after(10) == 1
    assert ADDRESS_POLICY.wait_after(30) == 900


def test_right_password_during_lockout_does_not_get_in(client, seeded, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="umot.web.login"):
        answers = _fail_until_locked(client, seeded.url, "ana@acme.example", ACCOUNT_POLICY.lock_at)
    assert [a.status_code for a in answers[:2]] == [401, 401]
    assert all(a.status_code == 429 for a in answers[2:])
    assert answers[2].headers["Retry-After"] == "1"
    assert answers[-1].headers["Retry-After"] == "900" and "try again in 15 min" in answers[-1].text
    r = login(client, "ana@acme.example")  # the right password
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 890
    assert client.get("/", follow_redirects=False).status_code == 303  # not logged in
    failed = [rec.getMessage() for rec in caplog.records if "failed login" in rec.getMessage()]
    assert len(failed) == ACCOUNT_POLICY.lock_at and "'ana@acme.example' from testclient" in failed[0]


def test_a_good_login_forgets_the_failures(client, seeded) -> None:
    for _ in range(ACCOUNT_POLICY.slow_from - 1):
        assert login(client, "ana@acme.example", "wrong password").status_code == 401
    assert login(client, "ana@acme.example").status_code == 303
    client.cookies.clear()
    for _ in range(ACCOUNT_POLICY.slow_from - 1):
        assert login(client, "ana@acme.example", "wrong password").status_code == 401


def test_one_address_guessing_many_accounts_is_locked(client, seeded) -> None:
    for i in range(ADDRESS_POLICY.lock_at):
        r = login(client, f"guess{i}@acme.example", "wrong password")
        if r.status_code == 429 and i < ADDRESS_POLICY.lock_at - 1:
            _wait_out_locks(seeded.url)
    assert r.status_code == 429 and r.headers["Retry-After"] == "900"
    assert login(client, "gus@globex.example").status_code == 429  # a real user, same address


def test_web_processes_share_the_lock(app, client, seeded) -> None:
    """Two apps on one store (two web workers): a lock taken through one holds in the other."""
    from umot.web.app import create_app

    _fail_until_locked(client, seeded.url, "ana@acme.example", ACCOUNT_POLICY.lock_at)
    with TestClient(create_app(seeded.url, secret_key="test-secret-key")) as other:
        assert login(other, "ana@acme.example").status_code == 429
