"""What the triage tests share: the seeded store's constants and the login steps.

A module of its own (not conftest.py): test files import it by a name no other
folder's tests use, so they load the same in any selection of test paths.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

PASSWORD = "correct horse battery"
XSS_TEXT = "<script>alert('pwned')</script> Terrible, never again."
XSS_TITLE = '"><img src=x onerror=alert(1)>'
FORMULA_TEXT = '=HYPERLINK("http://evil.example","click me")'
BASE_DAY = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
MODEL = "test-model-v1"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def login(client, email: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token},
                       follow_redirects=False)
