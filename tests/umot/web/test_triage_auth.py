"""Login, logout, sessions and CSRF."""

from __future__ import annotations

from triage_pages import csrf_of, login


def test_anonymous_is_sent_to_login_and_back(client) -> None:
    r = client.get("/?status=new", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2F%3Fstatus%3Dnew"
    r = client.get(r.headers["location"])
    token = csrf_of(r.text)
    r = client.post("/login", data={"email": "ANA@acme.example", "password": "correct horse battery",
                                    "csrf_token": token, "next": "/?status=new"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?status=new"
    assert "Detractor queue" in client.get("/").text


def test_wrong_password_and_unknown_user_are_refused_alike(client) -> None:
    wrong = login(client, "ana@acme.example", "not the password")
    unknown = login(client, "nobody@acme.example", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong email or password." in wrong.text and "Wrong email or password." in unknown.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_never_redirects_off_site(client) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"email": "ana@acme.example", "password": "correct horse battery",
                                    "csrf_token": token, "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_login_without_csrf_token_is_rejected(client) -> None:
    client.get("/login")
    r = client.post("/login", data={"email": "ana@acme.example", "password": "correct horse battery"})
    assert r.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 303


def test_change_with_wrong_csrf_token_is_rejected_and_changes_nothing(ana, seeded) -> None:
    flag_id = seeded.flags["a0"]
    for token in ("forged", None):
        data = {"status": "resolved"} | ({"csrf_token": token} if token else {})
        assert ana.post(f"/flags/{flag_id}", data=data).status_code == 403
    page = ana.get(f"/flags/{flag_id}").text
    assert "No changes yet" in page


def test_token_from_another_session_is_rejected(app, ana, seeded) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as other:
        login(other, "root@umot.example")
        their_token = csrf_of(other.get("/").text)
    r = ana.post(f"/flags/{seeded.flags['a0']}", data={"status": "resolved", "csrf_token": their_token})
    assert r.status_code == 403


def test_logout_ends_the_session(ana) -> None:
    token = csrf_of(ana.get("/").text)
    assert ana.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert ana.get("/", follow_redirects=False).status_code == 303


def test_pages_carry_security_headers(ana) -> None:
    r = ana.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert ana.get("/static/style.css").status_code == 200


def test_malformed_requests_get_an_html_error_page(ana) -> None:
    r = ana.get("/flags/not-a-number")
    assert r.status_code == 400 and "Bad request: check &#39;flag_id&#39;" in r.text
    assert ana.get("/no/such/page").status_code == 404
