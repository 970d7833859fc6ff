"""Pages and the CSV are never kept by a browser or proxy (Cache-Control: no-store); static files may be."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/queue.csv", "/advocates", "/flags/1", "/flags/999999", "/brands/1",
                                  "/no/such/page", "/login"])
def test_signed_in_pages_and_the_csv_are_not_stored(ana, path: str) -> None:
    r = ana.get(path, follow_redirects=False)
    assert r.headers.get("cache-control") == "no-store", (path, r.status_code)
    assert ana.head(path, follow_redirects=False).headers.get("cache-control") == "no-store"


def test_the_login_redirect_and_logout_are_not_stored(client) -> None:
    assert client.get("/", follow_redirects=False).headers["cache-control"] == "no-store"
    assert client.post("/logout", follow_redirects=False).headers["cache-control"] == "no-store"  # a 403


def test_a_servers_500_is_not_stored(app, ana, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import umot.web.routes.queue as queue

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(queue, "query_queue", broken)
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False, cookies=ana.cookies) as c:
        r = c.get("/")
    assert r.status_code == 500 and r.headers["cache-control"] == "no-store"


def test_static_files_may_be_cached(client) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "no-store" not in r.headers.get("cache-control", "")
