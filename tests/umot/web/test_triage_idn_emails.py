"""Any email ``umot users add`` takes can log in through the form: an international domain is one user in
either spelling (a browser's ``type="email"`` sent ``xn--`` and refused a non-ASCII name before ``@``)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from triage_pages import PASSWORD, login
from typer.testing import CliRunner

from umot.cli import app as cli

runner = CliRunner()


def _add(seeded, email: str):  # noqa: ANN001, ANN202
    return runner.invoke(cli, ["users", "add", email, "--brand", "Acme", "--database-url", seeded.url],
                         env={"UMOT_USER_PASSWORD": PASSWORD})


def _emails(seeded) -> list[str]:  # noqa: ANN001
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(seeded.url), write=False) as session:
        return sorted(session.exec(select(User.email)))


def test_the_login_box_takes_any_email_as_typed(client) -> None:
    box = re.search(r'<input[^>]*name="email"[^>]*>', client.get("/login").text).group(0)
    assert 'type="text"' in box and 'inputmode="email"' in box and 'autocomplete="username"' in box


@pytest.mark.parametrize("added", ["ana@bücher.example", "ana@xn--bcher-kva.example", "Ana@BÜCHER.example"])
def test_an_idn_domain_is_one_user_in_either_spelling(app, seeded, added: str) -> None:  # noqa: ANN001
    done = _add(seeded, added)
    assert done.exit_code == 0 and "added ana@xn--bcher-kva.example: sees Acme" in done.output, done.output
    for typed in ("ana@bücher.example", "ana@xn--bcher-kva.example", " ANA@Bücher.Example "):
        assert login(TestClient(app), typed).status_code == 303, typed
    again = _add(seeded, "ana@xn--bcher-kva.example" if "ü" in added.lower() else "ana@bücher.example")
    assert again.exit_code == 2 and "already exists" in again.output


def test_a_name_before_the_at_that_is_not_ascii_logs_in(app, seeded) -> None:  # noqa: ANN001
    assert _add(seeded, "Jörg@acme.example").exit_code == 0
    assert "jörg@acme.example" in _emails(seeded)
    assert login(TestClient(app), "jörg@acme.example").status_code == 303


def test_users_stored_before_still_log_in(app, seeded) -> None:  # noqa: ANN001
    """An ASCII email is stored as before; a domain stored as typed (Unicode) is still found, in both spellings."""
    from models.db import get_engine, session_scope
    from models.tables import User
    from umot.web.auth import hash_password

    with session_scope(get_engine(seeded.url)) as session:  # as the code before stored it
        session.add(User(email="bea@bücher.example", password_hash=hash_password(PASSWORD), session_version=5))
    assert _add(seeded, "Zoe@Shop.Example").exit_code == 0
    assert {"ana@acme.example", "zoe@shop.example", "bea@bücher.example"} <= set(_emails(seeded))
    for typed in ("ana@acme.example", "zoe@shop.example", "bea@bücher.example", "bea@xn--bcher-kva.example"):
        assert login(TestClient(app), typed).status_code == 303, typed
    assert _add(seeded, "bea@xn--bcher-kva.example").exit_code == 2  # the same user


def test_normalize_email_spells_each_address_once() -> None:
    from models.crud.triage import normalize_email

    assert normalize_email(" Ana@Acme.Example ") == "ana@acme.example"
    assert normalize_email("ana@bücher.example") == normalize_email("ana@XN--BCHER-KVA.example")
    assert normalize_email("ana@xn--bcher-kva.example") == "ana@xn--bcher-kva.example"
    assert normalize_email("ana@a..b") == "ana@a..b"  # kept: no domain IDNA can write


def test_user_commands_name_the_stored_spelling(seeded) -> None:  # noqa: ANN001
    assert _add(seeded, "ana@bücher.example").exit_code == 0
    url = ["--database-url", seeded.url]
    disabled = runner.invoke(cli, ["users", "disable", "ana@bücher.example", *url])
    enabled = runner.invoke(cli, ["users", "enable", "ana@xn--bcher-kva.example", *url])
    removed = runner.invoke(cli, ["users", "remove", "Ana@Bücher.example", *url])
    assert (disabled.exit_code, enabled.exit_code, removed.exit_code) == (0, 0, 0), removed.output
    assert disabled.output == "disabled ana@xn--bcher-kva.example; their sessions have ended\n"
    assert enabled.output == "enabled ana@xn--bcher-kva.example\n"
    assert removed.output == "removed ana@xn--bcher-kva.example; their sessions have ended\n"
    assert "ana@xn--bcher-kva.example" not in _emails(seeded)


def test_a_sharp_s_domain_is_not_another_domain(seeded) -> None:  # noqa: ANN001
    # IDNA 2003 (str.encode("idna")) wrote straße as strasse: two real domains became one user
    assert _add(seeded, "bob@strasse.example").exit_code == 0
    added = _add(seeded, "bob@straße.example")
    assert added.exit_code == 0 and "bob@xn--strae-oqa.example" in added.output, added.output
    assert _add(seeded, "bob@xn--strae-oqa.example").exit_code != 0  # the same user, as a browser sends it


def test_the_address_as_typed_wins_over_another_spelling(seeded) -> None:  # noqa: ANN001
    from models.crud.triage.users import get_user_by_email
    from models.db import get_engine, session_scope
    from models.tables import User

    with session_scope(get_engine(seeded.url)) as session:  # two users stored before domains were normalized
        session.add_all([User(email="bob@straße.example", password_hash="x", session_version=1),
                         User(email="bob@strasse.example", password_hash="y", session_version=1)])
    with session_scope(get_engine(seeded.url), write=False) as session:
        assert get_user_by_email(session, "Bob@Straße.example").password_hash == "x"
        assert get_user_by_email(session, "bob@strasse.example").password_hash == "y"


def test_a_domain_longer_than_dns_allows_is_not_read_as_idna() -> None:
    from models.crud.triage.users import normalize_email

    huge = "x@" + "Ü" * 150_000  # typed at the login: no IDNA pass over it (seconds of CPU per request)
    assert normalize_email(huge) == huge.lower()
