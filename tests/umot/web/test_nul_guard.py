"""A NUL character in a filter or a form field is a 400 naming the field, not a server error.

PostgreSQL refuses NUL in text: before the guard, ``/?q=%00`` and a login with one in
the email were 500s there. Run on both stores so the guard, not SQLite's leniency, is
what the test sees.
"""

from __future__ import annotations

import pytest
from triage_pages import csrf_of, login


@pytest.fixture
def client(any_seeded):  # noqa: ANN001, ANN201
    from fastapi.testclient import TestClient

    from umot.web.app import create_app

    with TestClient(create_app(any_seeded.url, secret_key="k"), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/?q=%00", "/?source=shop%00", "/queue.csv?q=a%00b", "/advocates?q=%00",
                                  "/?%00=1"])
def test_a_nul_in_the_query_string_is_a_400_naming_it(client, path: str) -> None:  # noqa: ANN001
    assert login(client, "ana@acme.example").status_code == 303
    response = client.get(path)
    assert response.status_code == 400
    name = path.split("?")[1].split("=")[0].replace("%00", "\\\\0")
    assert f"Bad request: &#39;{name}&#39; contains a NUL character (%00)." in response.text


def test_a_nul_in_a_form_field_is_a_400_and_nothing_else_happens(client) -> None:  # noqa: ANN001
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"email": "ana\x00@acme.example", "password": "x", "csrf_token": token},
                           follow_redirects=False)
    assert response.status_code == 400 and "&#39;email&#39; contains a NUL character" in response.text
    assert login(client, "ana@acme.example").status_code == 303  # no failed attempt was counted against ana


def test_ordinary_filters_still_work(client) -> None:  # noqa: ANN001
    assert login(client, "ana@acme.example").status_code == 303
    assert client.get("/?q=broken&source=appstore").status_code == 200
