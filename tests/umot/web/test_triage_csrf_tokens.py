"""A CSRF token that is not ASCII is a wrong token (403), not a crash (compare_digest's TypeError was a 500)."""

from __future__ import annotations

import pytest
from triage_pages import PASSWORD, csrf_of


@pytest.mark.parametrize("token", ["é", "token✓"])
def test_a_non_ascii_token_in_the_form_is_refused(client, token: str) -> None:
    client.get("/login")  # the session now holds a token
    r = client.post("/login", data={"email": "ana@acme.example", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 403 and "CSRF token missing or invalid" in r.text


def test_a_token_of_bytes_that_are_not_utf8_is_refused(client) -> None:
    client.get("/login")
    r = client.post("/login", content=b"email=ana%40acme.example&password=x&csrf_token=%FF%FE",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 403


def test_a_non_ascii_token_in_the_header_is_refused(ana) -> None:
    r = ana.post("/logout", headers={"X-CSRF-Token": b"\xe9t\xe9"}, follow_redirects=False)
    assert r.status_code == 403
    assert ana.get("/", follow_redirects=False).status_code == 200  # still logged in


def test_the_right_token_still_passes(client) -> None:
    page = client.get("/login").text
    r = client.post("/login", data={"email": "ana@acme.example", "password": PASSWORD, "csrf_token": csrf_of(page)},
                    follow_redirects=False)
    assert r.status_code == 303
