"""Posting to /flags/<id>: a field not sent keeps its value; an overlong assignee is a 400, on both stores."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from triage_pages import csrf_of, login


def _flag(url: str, flag_id: int):  # noqa: ANN202
    from models.db import get_engine, session_scope
    from models.tables import Flag

    with session_scope(get_engine(url)) as s:
        return s.get(Flag, flag_id)


def _post(client, flag_id: int, data: dict[str, str], *, header: bool = False):  # noqa: ANN001, ANN202
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    if header:  # a script: the token as a header, only the fields it means to change
        return client.post(f"/flags/{flag_id}", data=data, headers={"X-CSRF-Token": token}, follow_redirects=False)
    return client.post(f"/flags/{flag_id}", data={"csrf_token": token, **data}, follow_redirects=False)


def test_a_script_posting_only_the_status_keeps_the_assignee(ana, seeded) -> None:
    flag_id = seeded.flags["a0"]
    assert _post(ana, flag_id, {"status": "in_progress", "assignee": "ana@acme.example", "note": "Calling"}).status_code == 303
    assert _post(ana, flag_id, {"status": "resolved"}, header=True).status_code == 303
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee, flag.note) == ("resolved", "ana@acme.example", "Calling")
    assert _post(ana, flag_id, {"assignee": "root@umot.example"}, header=True).status_code == 303  # no status: kept
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee) == ("resolved", "root@umot.example")


def test_the_forms_emptied_assignee_still_unassigns(ana, seeded) -> None:
    flag_id = seeded.flags["a0"]
    _post(ana, flag_id, {"status": "in_progress", "assignee": "ana@acme.example"})
    page = ana.get(f"/flags/{flag_id}").text
    assert '<input type="text" name="assignee" value="ana@acme.example"' in page  # the form sends it, always
    assert _post(ana, flag_id, {"status": "in_progress", "assignee": "", "note": ""}).status_code == 303
    assert _flag(seeded.url, flag_id).assignee is None


def test_a_dismissal_label_is_kept_unless_sent(ana, seeded) -> None:
    flag_id = seeded.flags["a2"]
    _post(ana, flag_id, {"status": "dismissed", "corrected_label": "positive"})
    assert _post(ana, flag_id, {"note": "checked twice"}, header=True).status_code == 303
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.corrected_label, flag.note) == ("dismissed", "positive", "checked twice")
    assert _post(ana, flag_id, {"corrected_label": "neutral"}, header=True).status_code == 303
    assert _flag(seeded.url, flag_id).corrected_label == "neutral"


@pytest.fixture
def viewer(any_seeded):  # noqa: ANN001, ANN201
    from umot.web.app import create_app

    with TestClient(create_app(any_seeded.url, secret_key="k"), raise_server_exceptions=False) as client:
        assert login(client, "ana@acme.example").status_code == 303
        yield client


def test_an_overlong_assignee_is_refused_with_a_message(viewer, any_seeded) -> None:
    flag_id = any_seeded.flags["a7"]
    before = _flag(any_seeded.url, flag_id)
    r = _post(viewer, flag_id, {"status": "resolved", "assignee": "A" * 301})
    assert r.status_code == 400 and "assignee: at most 300 characters" in r.text
    after = _flag(any_seeded.url, flag_id)
    assert (after.status, after.assignee) == (before.status, before.assignee)
    assert _post(viewer, flag_id, {"status": before.status, "assignee": " root@umot.example "}).status_code == 303
    assert _flag(any_seeded.url, flag_id).assignee == "root@umot.example"
    _post(viewer, flag_id, {"assignee": before.assignee or ""}, header=True)  # the PostgreSQL store is shared


def test_a_refused_save_shows_what_was_sent_and_stores_nothing(ana, seeded) -> None:
    flag_id = seeded.flags["a2"]
    typed = {"was_status": "new", "status": "dismissed", "was_assignee": "", "was_corrected_label": "neutral",
             "corrected_label": "positive", "note": "Called <them>, refund agreed"}
    for assignee, why in (("gus@globex.example", "is not a user who can see brand"), ("A" * 301, "at most 300")):
        r = _post(ana, flag_id, {**typed, "assignee": assignee})
        assert r.status_code == 400 and why in r.text
        assert '<textarea name="note" rows="3" placeholder="e.g. replied on the site, offered a refund">' \
            "Called &lt;them&gt;, refund agreed</textarea>" in r.text
        assert re.findall(r'<option value="(\w+)" selected>', r.text) == ["dismissed"]
        assert re.findall(r"<option selected>(\w+)</option>", r.text) == ["positive"]
        assert f'name="assignee" value="{assignee}"' in r.text
        # the was_ values stay as stored: saving again applies what the triager changed
        assert 'name="was_status" value="new"' in r.text and 'name="was_corrected_label" value="neutral"' in r.text
        flag = _flag(seeded.url, flag_id)
        assert (flag.status, flag.assignee, flag.note, flag.corrected_label) == ("new", None, None, None)
