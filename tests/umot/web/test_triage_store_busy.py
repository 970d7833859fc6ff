"""A login or a triage save while another writer holds the SQLite store (a nightly scoring batch,
``umot import``) waits for it, and answers 503 only when the wait runs out.

Each POST read, then wrote, in a deferred transaction: SQLite does not wait when a read turns into
a write, so the request answered 500 ("database is locked") within a fraction of a second.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from triage_pages import csrf_of, login


@contextmanager
def store_held(url: str, seconds: float) -> Iterator[None]:
    """Another process's writer: BEGIN IMMEDIATE on the store, committed ``seconds`` later."""
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE brand SET name = name")
        held.set()
        done.wait(seconds)
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert held.wait(10)
    try:
        yield
    finally:
        done.set()
        holder.join(10)


@pytest.fixture
def web(app) -> Iterator[TestClient]:  # noqa: ANN001
    with TestClient(app, raise_server_exceptions=False) as c:  # a 500 is an answer to check, not raised
        yield c


def test_a_login_waits_for_another_writer(seeded, web: TestClient) -> None:
    token = csrf_of(web.get("/login").text)
    with store_held(seeded.url, 1.0):
        started = time.monotonic()
        r = web.post("/login", data={"email": "ana@acme.example", "password": "correct horse battery",
                                     "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert time.monotonic() - started >= 0.5  # it waited for the lock


def test_a_triage_save_waits_for_another_writer(seeded, web: TestClient) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Flag

    assert login(web, "ana@acme.example").status_code == 303
    flag_id = seeded.flags["a1"]
    token = csrf_of(web.get(f"/flags/{flag_id}").text)
    with store_held(seeded.url, 1.0):
        r = web.post(f"/flags/{flag_id}", data={"status": "in_progress", "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    with session_scope(get_engine(seeded.url)) as s:
        assert s.get(Flag, flag_id).status == "in_progress"


def test_a_page_reads_while_another_writer_holds_the_store(seeded, web: TestClient) -> None:
    assert login(web, "ana@acme.example").status_code == 303
    with store_held(seeded.url, 2.0):
        started = time.monotonic()
        assert web.get("/").status_code == 200
        assert time.monotonic() - started < 1.5  # a GET reads; it never waits for the writer


def test_a_wait_that_runs_out_is_503_not_500(seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.db
    import models.db_dialects
    from umot.web.app import create_app

    monkeypatch.setattr(models.db_dialects, "SQLITE_BUSY_TIMEOUT_MS", 200)  # read as each connection opens
    app = create_app(seeded.url, secret_key="test-secret-key")
    with TestClient(app, raise_server_exceptions=False) as web:
        token = csrf_of(web.get("/login").text)
        with store_held(seeded.url, 3.0):
            r = web.post("/login", data={"email": "ana@acme.example", "password": "correct horse battery",
                                         "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 503, r.text
    assert r.headers["Retry-After"] == "5"
    assert "The store is busy" in r.text
    models.db.dispose_engines()  # the next test's engine gets the usual timeout
