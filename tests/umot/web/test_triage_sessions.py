"""Sessions end at once on logout, a new password, disabling or removing the user; cookie flags."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from triage_pages import PASSWORD, csrf_of, login
from typer.testing import CliRunner

from umot.cli import app as cli

COOKIE = "umot_session"


def _copy_of(app, client) -> TestClient:  # noqa: ANN001
    """Another browser holding a copy of ``client``'s session cookie (what a thief would have)."""
    return TestClient(app, cookies={COOKIE: client.cookies[COOKIE]})


def _umot(*args: str, input: str | None = None):  # noqa: ANN202
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result


def _is_logged_out(client: TestClient) -> bool:
    r = client.get("/", follow_redirects=False)
    return r.status_code == 303 and r.headers["location"].startswith("/login")


def test_logout_ends_a_copied_cookie_too(app, ana, seeded) -> None:
    flag_id = seeded.flags["a0"]
    copy = _copy_of(app, ana)
    token = csrf_of(copy.get(f"/flags/{flag_id}").text)
    assert ana.post("/logout", data={"csrf_token": csrf_of(ana.get("/").text)}).status_code == 200
    assert _is_logged_out(copy)
    r = copy.post(f"/flags/{flag_id}", data={"status": "resolved", "csrf_token": token}, follow_redirects=False)
    assert r.status_code in (303, 403) and r.headers.get("location", "/login").startswith("/login")
    assert login(ana, "ana@acme.example").status_code == 303
    assert "No changes yet" in ana.get(f"/flags/{flag_id}").text  # the old cookie changed nothing


def test_a_new_password_ends_sessions(app, ana, seeded) -> None:
    done = _umot("users", "passwd", "ana@acme.example", "--password-stdin", "--database-url", seeded.url,
                 input="a brand new password\n")
    assert "their sessions have ended" in done.output
    assert _is_logged_out(ana)
    assert login(ana, "ana@acme.example").status_code == 401
    assert login(ana, "ana@acme.example", "a brand new password").status_code == 303


def test_removing_a_user_ends_sessions(ana, seeded) -> None:
    _umot("users", "remove", "ana@acme.example", "--database-url", seeded.url)
    assert _is_logged_out(ana)
    assert login(ana, "ana@acme.example").status_code == 401
    assert "ana@acme.example" not in _umot("users", "list", "--database-url", seeded.url).output


def test_a_disabled_user_is_out_until_enabled(app, ana, seeded) -> None:
    db = ("--database-url", seeded.url)
    copy = _copy_of(app, ana)  # a cookie taken before the user was disabled
    _umot("users", "disable", "ana@acme.example", *db)
    assert _is_logged_out(ana)
    r = login(ana, "ana@acme.example")
    assert r.status_code == 403 and "disabled" in r.text and _is_logged_out(ana)
    assert "ana@acme.example\tmember (disabled)\tAcme" in _umot("users", "list", *db).output
    _umot("users", "enable", "ana@acme.example", *db)
    assert login(ana, "ana@acme.example").status_code == 303 and not _is_logged_out(ana)
    assert _is_logged_out(copy)  # enabling again does not bring the old sessions back


def test_users_brands_adds_and_removes_on_the_next_page(ana, seeded) -> None:
    db = ("--database-url", seeded.url)
    globex_flag = seeded.flags["g0"]
    assert ana.get(f"/flags/{globex_flag}").status_code == 404
    assert "sees: Acme, Globex" in _umot("users", "brands", "ana@acme.example", "--add", "Globex", *db).output
    assert ana.get(f"/flags/{globex_flag}").status_code == 200
    assert "sees: Globex" in _umot("users", "brands", "ana@acme.example", "--remove", "Acme", *db).output
    assert ana.get(f"/flags/{seeded.flags['a0']}").status_code == 404


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("users", "remove", "nobody@acme.example"), "no user nobody@acme.example"),
        (("users", "disable", "nobody@acme.example"), "no user nobody@acme.example"),
        (("users", "brands", "ana@acme.example", "--add", "Initech"), "no brand named 'Initech'"),
        (("users", "brands", "ana@acme.example", "--add", "Acme", "--remove", "Acme"), "both in --add and --remove"),
        (("users", "brands", "root@umot.example", "--add", "Acme"), "is an admin"),
    ],
)
def test_users_commands_refuse_bad_input(seeded, args, message) -> None:
    r = CliRunner().invoke(cli, [*args, "--database-url", seeded.url])
    assert r.exit_code == 2 and message in " ".join(r.output.split())


@pytest.mark.parametrize("secure", [False, True])
def test_session_cookie_flags(seeded, secure: bool) -> None:
    from umot.web.app import create_app

    with TestClient(create_app(seeded.url, secret_key="k", secure_cookies=secure), base_url="https://testserver") as c:
        r = login(c, "ana@acme.example", PASSWORD)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert ("; secure" in cookie) is secure


def test_secure_cookies_from_the_setting(seeded, monkeypatch) -> None:
    from umot.web.app import create_app

    monkeypatch.setenv("UMOT_SECURE_COOKIES", "1")
    with TestClient(create_app(seeded.url, secret_key="k"), base_url="https://testserver") as c:
        assert "; secure" in login(c, "ana@acme.example").headers["set-cookie"].lower()


@pytest.mark.parametrize(("flag", "expected"), [([], None), (["--secure-cookies"], True), (["--no-secure-cookies"], False)])
def test_umot_web_passes_secure_cookies_on(seeded, monkeypatch, flag: list[str], expected: bool | None) -> None:
    import uvicorn

    import umot.cli.web as web_cli
    import umot.web.app as web_app

    seen: dict = {}
    real = web_app.create_app
    monkeypatch.setattr(web_app, "create_app", lambda url, **kw: seen.update(kw) or real(url, secret_key="k", **kw))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(served=True))
    monkeypatch.setattr(web_cli, "listen_error", lambda host, port: None)  # whatever holds port 8000 here
    _umot("web", *flag, "--database-url", seeded.url)
    assert seen == {"secure_cookies": expected, "served": True}


def test_a_disabled_user_has_no_session_even_at_their_current_version() -> None:
    """Disabling bumps the session version too; the disabled check holds on its own (e.g. a row edited by hand)."""
    from types import SimpleNamespace
    from typing import Any, cast

    from models.tables import User, utcnow
    from umot.web.auth import log_in, session_is_current

    user = User(id=7, email="ana@acme.example", password_hash="x", session_version=3)
    request = cast(Any, SimpleNamespace(session={}))
    log_in(request, user)
    assert request.session["version"] == 3 and session_is_current(request, user)
    user.disabled_at = utcnow()
    assert not session_is_current(request, user)
