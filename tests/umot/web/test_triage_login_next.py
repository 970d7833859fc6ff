"""A saved link opened without a session lands, after login, on exactly that link (filters and all)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from triage_pages import PASSWORD, csrf_of

LINKS = [
    "/?source=schemaorg%3Ashop.example&status=all&q=arrived+broken",  # ':' encoded, '+' a space
    "/?status=all&q=arrived%20broken",  # '%20'
    "/?status=all&q=caf%C3%A9+cr%C3%A8me",  # accented letters
    "/?status=all&q=1%2B1%3D2%26more",  # an encoded '+', '=' and '&' stay data
    "/flags/3",
]


def _login_from(client, link: str):  # noqa: ANN001, ANN202
    """Open ``link`` without a session, then log in through the page it leads to; the answer to the login."""
    r = client.get(link, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    page = client.get(r.headers["location"]).text
    next_value = unescape(re.search(r'name="next" value="([^"]*)"', page).group(1))
    return client.post("/login", data={"email": "ana@acme.example", "password": PASSWORD, "next": next_value,
                                       "csrf_token": csrf_of(page)}, follow_redirects=False)


@pytest.mark.parametrize("link", LINKS)
def test_login_lands_on_the_link_asked_for(client, link: str) -> None:
    r = _login_from(client, link)
    assert r.status_code == 303 and r.headers["location"] == link


def test_the_filters_survive_the_login(client) -> None:
    link = "/?source=schemaorg%3Ashop.example&status=all&q=caf%C3%A9+cr%C3%A8me"
    landed = _login_from(client, link).headers["location"]
    assert parse_qs(urlsplit(landed).query) == {"source": ["schemaorg:shop.example"], "status": ["all"],
                                                 "q": ["café crème"]}
    assert 'name="q" value="café crème"' in client.get(landed).text


@pytest.mark.parametrize("evil", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_next_stays_a_local_path(client, evil: str) -> None:
    page = client.get("/login").text
    r = client.post("/login", data={"email": "ana@acme.example", "password": PASSWORD, "next": evil,
                                     "csrf_token": csrf_of(page)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
