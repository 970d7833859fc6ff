"""An assignee is a user who can see the flag's brand (CLI and web share the rule); a store
with no users keeps free text; clearing still works; a refusal changes nothing."""

from __future__ import annotations

import pytest
from triage_pages import csrf_of
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _flag(url: str, flag_id: int):  # noqa: ANN202
    from models.db import get_engine, session_scope
    from models.tables import Flag

    with session_scope(get_engine(url)) as s:
        return s.get(Flag, flag_id)


def _set(url: str, flag_id: int, *args: str):  # noqa: ANN202
    return runner.invoke(app, ["detractors", "set", str(flag_id), *args, "--database-url", url])


@pytest.mark.parametrize(("who", "why"), [
    ("bo@acme.example", "is not a user who can see"),  # nobody of that name
    ("gus@globex.example", "is not a user who can see"),  # another brand's user
    ("ana", "is not a user who can see"),  # users are known by email
])
def test_cli_refuses_an_assignee_who_cannot_see_the_brand(seeded, who, why) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a1"]
    r = _set(seeded.url, flag_id, "--status", "in_progress", "--assignee", who)
    assert r.exit_code == 2, r.output
    assert r.stderr.strip().splitlines() == [
        f"error: assignee {who!r} {why} brand 'Acme' (assign one of its users, or '' to unassign)"]
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee) == ("new", None)  # the status was not changed either


def test_cli_refuses_a_disabled_user(seeded) -> None:  # noqa: ANN001
    from models.crud.triage import get_user_by_email, set_disabled
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as s:
        set_disabled(s, get_user_by_email(s, "ana@acme.example"), True)
    r = _set(seeded.url, seeded.flags["a1"], "--assignee", "ana@acme.example")
    assert r.exit_code == 2 and "'ana@acme.example' is a disabled user, who cannot see brand 'Acme'" in r.stderr


def test_cli_assigns_a_brand_user_or_an_admin_and_unassigns(seeded) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a1"]
    assert _set(seeded.url, flag_id, "--assignee", " Ana@ACME.example ").exit_code == 0
    assert _flag(seeded.url, flag_id).assignee == "ana@acme.example"  # stored as the user's email
    assert _set(seeded.url, flag_id, "--assignee", "root@umot.example").exit_code == 0  # an admin sees every brand
    assert _flag(seeded.url, flag_id).assignee == "root@umot.example"
    r = _set(seeded.url, flag_id, "--assignee", "")
    assert r.exit_code == 0 and "assignee root@umot.example -> -" in r.output
    assert _flag(seeded.url, flag_id).assignee is None


def test_a_store_without_users_keeps_free_text(seeded) -> None:  # noqa: ANN001
    """A CLI-only team never adds users: any name is an assignee, as before."""
    from sqlmodel import select

    from models.crud.triage import remove_user
    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(seeded.url)) as s:
        for user in s.exec(select(User)).all():
            remove_user(s, user)
    flag_id = seeded.flags["a1"]
    r = _set(seeded.url, flag_id, "--assignee", "Kim from support")
    assert r.exit_code == 0, r.output
    assert _flag(seeded.url, flag_id).assignee == "Kim from support"


def _post(client, flag_id: int, data: dict[str, str], *, header: bool = False):  # noqa: ANN001, ANN202
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    if header:
        return client.post(f"/flags/{flag_id}", data=data, headers={"X-CSRF-Token": token}, follow_redirects=False)
    return client.post(f"/flags/{flag_id}", data={"csrf_token": token, **data}, follow_redirects=False)


def test_web_refuses_another_brands_user_with_the_forms_message(ana, seeded) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a3"]
    r = _post(ana, flag_id, {"status": "resolved", "assignee": "gus@globex.example", "note": "x"})
    assert r.status_code == 400
    assert "assignee &#39;gus@globex.example&#39; is not a user who can see brand &#39;Acme&#39;" in r.text
    assert _post(ana, flag_id, {"assignee": "nobody@acme.example"}, header=True).status_code == 400  # a script
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee, flag.note) == ("new", None, None)


def test_web_offers_and_accepts_the_brands_users(ana, seeded) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a3"]
    page = ana.get(f"/flags/{flag_id}").text
    offered = page.split('<datalist id="assignees">', 1)[1].split("</datalist>", 1)[0]
    assert offered == '<option value="ana@acme.example"><option value="root@umot.example">'
    assert _post(ana, flag_id, {"status": "in_progress", "assignee": "root@umot.example"}).status_code == 303
    assert _flag(seeded.url, flag_id).assignee == "root@umot.example"
    assert _post(ana, flag_id, {"status": "in_progress", "assignee": ""}).status_code == 303
    assert _flag(seeded.url, flag_id).assignee is None


def test_an_assignee_from_before_the_rule_does_not_block_other_changes(ana, seeded) -> None:  # noqa: ANN001
    """The page re-sends the flag's assignee with every save: kept as it is, not checked again."""
    from models.db import get_engine, session_scope
    from models.tables import Flag

    flag_id = seeded.flags["a3"]
    with session_scope(get_engine(seeded.url)) as s:
        flag = s.get(Flag, flag_id)
        flag.assignee = "Kim from support"
        s.add(flag)
    assert _post(ana, flag_id, {"status": "resolved", "assignee": "Kim from support"}).status_code == 303
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.assignee) == ("resolved", "Kim from support")
