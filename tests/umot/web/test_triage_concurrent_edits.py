"""Two people on one flag: a save from a page loaded before another's change keeps that change.

The page sends each field's value as loaded (``was_<field>``); only the fields the
user changed are applied. Both changing the same field: the later save wins.
"""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient
from triage_pages import login


def _form_of(page: str) -> dict[str, str]:
    """What the page's triage form sends as loaded (inputs, and each select's selected option)."""
    form = re.search(r'<form method="post" action="/flags/\d+" class="triage">(.*?)</form>', page, re.S).group(1)
    data = {m[0]: unescape(m[1]) for m in re.findall(r'<input type="(?:hidden|text)" name="(\w+)" value="([^"]*)"', form)}
    for name, options in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option (?:value="([^"]*)" )?selected>([^<]*)', options)
        data[name] = unescape(chosen.group(1) if chosen.group(1) is not None else chosen.group(2))
    data["note"] = ""
    return data


def _flag(url: str, flag_id: int):  # noqa: ANN202
    from models.db import get_engine, session_scope
    from models.tables import Flag

    with session_scope(get_engine(url)) as s:
        return s.get(Flag, flag_id)


def _trail(url: str, flag_id: int) -> list[tuple[str, str, str | None, str | None]]:
    from models.crud.triage import flag_events
    from models.db import get_engine, session_scope

    with session_scope(get_engine(url)) as s:
        return [(e.actor, e.field_name, e.old_value, e.new_value) for e in flag_events(s, flag_id)]


def _root(app) -> TestClient:  # noqa: ANN001
    other = TestClient(app)
    assert login(other, "root@umot.example").status_code == 303
    return other


def test_an_old_page_keeps_anothers_assignee(app, ana, seeded) -> None:
    flag_id = seeded.flags["a3"]
    anas_page = _form_of(ana.get(f"/flags/{flag_id}").text)  # assignee empty
    root = _root(app)
    assert root.post(f"/flags/{flag_id}", data={**_form_of(root.get(f"/flags/{flag_id}").text),
                                                 "assignee": "root@umot.example"}).status_code == 200
    r = ana.post(f"/flags/{flag_id}", data={**anas_page, "status": "in_progress"}, follow_redirects=False)
    assert r.status_code == 303
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee) == ("in_progress", "root@umot.example")
    assert _trail(seeded.url, flag_id) == [
        ("web:root@umot.example", "assignee", None, "root@umot.example"),
        ("web:ana@acme.example", "status", "new", "in_progress"),
    ]


def test_an_old_page_keeps_anothers_status_and_label(app, ana, seeded) -> None:
    flag_id = seeded.flags["a4"]
    anas_page = _form_of(ana.get(f"/flags/{flag_id}").text)
    root = _root(app)
    root.post(f"/flags/{flag_id}", data={**_form_of(root.get(f"/flags/{flag_id}").text),
                                          "status": "dismissed", "corrected_label": "positive"})
    assert ana.post(f"/flags/{flag_id}", data={**anas_page, "assignee": "ana@acme.example",
                                                 "note": "mine now"}).status_code == 200
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.corrected_label, flag.assignee, flag.note) == (
        "dismissed", "positive", "ana@acme.example", "mine now")


def test_both_changing_one_field_the_later_save_wins(app, ana, seeded) -> None:
    flag_id = seeded.flags["a8"]
    anas_page = _form_of(ana.get(f"/flags/{flag_id}").text)
    root = _root(app)
    root.post(f"/flags/{flag_id}", data={**_form_of(root.get(f"/flags/{flag_id}").text), "status": "responded"})
    ana.post(f"/flags/{flag_id}", data={**anas_page, "status": "resolved"})
    assert _flag(seeded.url, flag_id).status == "resolved"


def test_an_unchanged_page_saves_nothing_and_an_emptied_assignee_unassigns(ana, seeded) -> None:
    flag_id = seeded.flags["a9"]
    page = _form_of(ana.get(f"/flags/{flag_id}").text)
    assert page["was_status"] == "new" and page["was_assignee"] == ""
    assert "Nothing changed." in ana.post(f"/flags/{flag_id}", data=page).text
    ana.post(f"/flags/{flag_id}", data={**page, "assignee": "ana@acme.example"})
    page = _form_of(ana.get(f"/flags/{flag_id}").text)
    assert page["was_assignee"] == "ana@acme.example"
    ana.post(f"/flags/{flag_id}", data={**page, "assignee": ""})
    assert _flag(seeded.url, flag_id).assignee is None
