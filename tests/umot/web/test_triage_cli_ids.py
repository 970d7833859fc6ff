"""``umot detractors set`` with an id no store holds or an over-long assignee, and ``umot users add`` with a brand given twice."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize("flag_id", ["9223372036854775808", "99999999999999999999999", "0", "-1"])
def test_detractors_set_an_id_past_the_store_is_no_flag(seeded, flag_id: str) -> None:
    """2**63 was an OverflowError traceback ("Python int too large to convert to SQLite INTEGER")."""
    r = runner.invoke(app, ["detractors", "set", "--status", "resolved", "--database-url", seeded.url, "--", flag_id])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == f"error: no detractor flag with id {flag_id}"


@pytest.mark.postgres
@pytest.mark.parametrize("args", [["detractors", "set", "--status", "resolved"], ["themes", "correct", "--add", "delivery"]])
def test_an_id_past_postgresqls_integer_is_one_line(pg_seeded, args: list[str]) -> None:
    """Its ids are INTEGER: 2**31 was a NumericValueOutOfRange traceback there (SQLite said "no such")."""
    r = runner.invoke(app, [*args, "--database-url", pg_seeded.url, "--", "2147483648"])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() in ("error: no detractor flag with id 2147483648",
                                "error: REVIEW_ID 2147483648: no review with that id (a review id is 1 to 2147483647)")


def test_update_flag_refuses_ids_outside_the_store_range(seeded) -> None:
    from models.crud.triage import TriageError, update_flag
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as session:
        for flag_id in (2**31, 2**63, 2**64 + 1, 0, -5):
            with pytest.raises(TriageError, match=f"no detractor flag with id {flag_id}"):
                update_flag(session, flag_id, actor="test", status="resolved")


def test_detractors_set_refuses_an_assignee_wider_than_its_column(seeded) -> None:
    """301 characters were stored on SQLite and a StringDataRightTruncation traceback on PostgreSQL."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Flag

    with session_scope(get_engine(seeded.url)) as session:
        flag = session.exec(select(Flag)).first()
        assert flag is not None
        flag_id, before = flag.id, flag.assignee
    r = runner.invoke(app, ["detractors", "set", str(flag_id), "--assignee", "A" * 301, "--database-url", seeded.url])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == "error: assignee is 301 characters long; at most 300"
    with session_scope(get_engine(seeded.url)) as session:
        assert session.get(Flag, flag_id).assignee == before
    fits = runner.invoke(app, ["detractors", "set", str(flag_id), "--assignee", "A" * 300, "--database-url", seeded.url])
    assert fits.exit_code == 2 and "is not a user who can see brand" in fits.stderr  # fits: on to the user rule


def test_users_add_names_a_brand_given_twice_once(seeded) -> None:
    """Printed `sees Acme, Acme`."""
    r = runner.invoke(app, ["users", "add", "x@y.example", "--brand", "Acme", "--brand", "acme", "--brand", "Globex",
                            "--brand", "Acme", "--password-stdin", "--database-url", seeded.url], input="long enough pw\n")
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "added x@y.example: sees Acme, Globex"
    listing = runner.invoke(app, ["users", "list", "--database-url", seeded.url]).output
    assert "x@y.example\tmember\tAcme, Globex\t" in listing


def test_users_brands_refuses_the_same_brand_in_add_and_remove_in_any_case(seeded) -> None:
    r = runner.invoke(app, ["users", "brands", "ana@acme.example", "--add", "globex", "--remove", "Globex",
                            "--database-url", seeded.url])
    assert r.exit_code == 2 and r.stderr.strip() == "error: brand 'globex' is both in --add and --remove"
    after = runner.invoke(app, ["users", "brands", "ana@acme.example", "--database-url", seeded.url])
    assert after.output.strip() == "ana@acme.example sees: Acme"  # nothing changed
