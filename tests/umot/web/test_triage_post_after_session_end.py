"""A change posted after the session ended (logged out elsewhere) is not saved, and the login page says so;
after login the browser lands on the page of the form, never on its POST-only URL (a 405 as a GET)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from triage_pages import PASSWORD, csrf_of, login

ENDED = "Your session ended; your change was not saved — log in and make it again."


def _end_sessions_elsewhere(app) -> None:  # noqa: ANN001
    other = TestClient(app)
    assert login(other, "ana@acme.example").status_code == 303
    other.post("/logout", data={"csrf_token": csrf_of(other.get("/").text)})


def _log_in_again(client: TestClient, location: str):  # noqa: ANN202
    page = client.get(location).text
    next_value = parse_qs(urlsplit(location).query)["next"][0]
    r = client.post("/login", data={"email": "ana@acme.example", "password": PASSWORD, "next": next_value,
                                     "csrf_token": csrf_of(page)}, follow_redirects=False)
    return page, r


@pytest.mark.parametrize(("suffix", "data"), [
    ("", {"status": "resolved", "was_status": "new", "note": "Refund sent"}),
    ("/themes", {"theme": "price_value", "action": "add"}),
])
def test_a_change_after_the_session_ended_says_so_and_comes_back_to_its_page(app, seeded, suffix: str, data: dict) -> None:
    client = TestClient(app)
    assert login(client, "ana@acme.example").status_code == 303
    flag_id = seeded.flags["a0"]
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    _end_sessions_elsewhere(app)
    r = client.post(f"/flags/{flag_id}{suffix}", data={"csrf_token": token, **data}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/login?next=%2Fflags%2F{flag_id}"
    page, landed = _log_in_again(client, r.headers["location"])
    assert page.count(ENDED) == 1
    assert landed.status_code == 303 and landed.headers["location"] == f"/flags/{flag_id}"
    after = client.get(landed.headers["location"])
    assert after.status_code == 200 and "Refund sent" not in after.text  # not saved, as the login page said
    assert ENDED not in client.get("/login").text  # said once


def test_a_page_opened_after_the_session_ended_says_nothing_of_changes(app, seeded) -> None:
    client = TestClient(app)
    assert login(client, "ana@acme.example").status_code == 303
    _end_sessions_elsewhere(app)
    r = client.get(f"/flags/{seeded.flags['a0']}?x=1", follow_redirects=False)
    assert parse_qs(urlsplit(r.headers["location"]).query)["next"] == [f"/flags/{seeded.flags['a0']}?x=1"]
    assert ENDED not in client.get(r.headers["location"]).text


def test_the_login_page_says_only_what_the_app_put_there(client) -> None:
    html = client.get("/login?next=/&flash=You+were+hacked&error=Call+0800").text
    assert "hacked" not in html and "0800" not in html and not re.search(r'class="flash"', html)
