"""Requests at the edges: HEAD as uptime checks send it, dates at the ends of the calendar, a bug's 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from umot.web.app import SECURITY_HEADERS


@pytest.mark.parametrize("path", ["/?to=9999-12-31", "/?from=0001-01-01&to=9999-12-31", "/queue.csv?to=9999-12-31"])
def test_the_last_and_first_days_filter_like_any_other(ana, path: str) -> None:
    r = ana.get(path + "&status=all")
    assert r.status_code == 200, r.text
    whole = ana.get(path.split("?")[0] + "?status=all")
    if path.startswith("/queue.csv"):
        assert r.text == whole.text  # every review is on or before 9999-12-31
    else:
        assert "Ignored filter" not in r.text


def test_head_answers_like_get_without_a_body(client, ana) -> None:
    for path in ("/", "/login", "/queue.csv", "/static/style.css"):
        got, head = ana.get(path), ana.head(path)
        assert (head.status_code, head.content) == (200, b""), path
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers.get("content-security-policy") == SECURITY_HEADERS["Content-Security-Policy"]
    assert ana.head("/logout").status_code == 405  # POST only: HEAD is not a way around CSRF


def test_head_while_logged_out_redirects_to_login(client) -> None:
    r = client.head("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_a_bugs_500_keeps_the_security_headers(seeded) -> None:
    from umot.web.app import create_app

    app = create_app(seeded.url, secret_key="k")

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom")
    assert r.status_code == 500 and "a bug" not in r.text
    assert all(r.headers.get(k) == v for k, v in SECURITY_HEADERS.items())
