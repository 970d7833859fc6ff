"""``umot users`` and ``umot detractors`` against a seeded store."""

from __future__ import annotations

import getpass
import json

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def umot(*args: str, input: str | None = None, env: dict | None = None):  # noqa: ANN201
    return runner.invoke(app, list(args), input=input, env=env)


def test_users_add_and_list(seeded) -> None:
    db = ("--database-url", seeded.url)
    r = umot("users", "add", "Zoe@Acme.example", "--brand", "Acme", "--password-stdin", *db, input="long enough pw\n")
    assert r.exit_code == 0, r.output
    assert "added zoe@acme.example: sees Acme" in r.output
    r = umot("users", "add", "ops@umot.example", "--admin", *db, env={"UMOT_USER_PASSWORD": "from the env!"})
    assert r.exit_code == 0, r.output
    listing = umot("users", "list", *db).output
    assert "zoe@acme.example\tmember\tAcme" in listing and "ops@umot.example\tadmin\t*" in listing

    from models.crud.triage import get_user_by_email
    from models.db import get_engine, session_scope
    from umot.web.auth import verify_password

    with session_scope(get_engine(seeded.url)) as s:
        user = get_user_by_email(s, "zoe@acme.example")
        assert user.password_hash.startswith("$argon2") and verify_password(user.password_hash, "long enough pw")


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("ana@acme.example", "--brand", "Acme"), "long enough pw\n", "already exists"),
        (("new@acme.example", "--brand", "Acme Inc"), "long enough pw\n", "no brand named 'Acme Inc' in the store (brands: Acme, Globex)"),
        (("new@acme.example",), "long enough pw\n", "give at least one --brand"),
        (("not-an-email", "--brand", "Acme"), "long enough pw\n", "not an email address"),
        (("new@acme.example", "--brand", "Acme"), "short\n", "password too short"),
    ],
)
def test_users_add_refuses_bad_input(seeded, args, stdin, message) -> None:
    r = umot("users", "add", *args, "--password-stdin", "--database-url", seeded.url, input=stdin)
    assert r.exit_code == 2 and message in " ".join(r.output.split())


def test_detractors_list_and_set(seeded) -> None:
    db = ("--database-url", seeded.url)
    r = umot("detractors", "list", "--brand", "Acme", "--format", "json", "--limit", "0", *db)
    rows = json.loads(r.output)
    assert len(rows) == 30 and rows[0]["flag_id"] == seeded.flags["a0"] and rows[0]["brand"] == "Acme"
    flag_id = seeded.flags["a1"]
    r = umot("detractors", "set", str(flag_id), "--status", "responded", "--note", "Replied publicly",
             "--assignee", "ana@acme.example", *db)
    assert r.exit_code == 0, r.output
    assert f"flag {flag_id}: status new -> responded" in r.output
    r = umot("detractors", "set", str(flag_id), "--status", "dismissed", "--actor", "bot:cleanup", *db)
    assert "corrected_label - -> neutral" in r.output
    r = umot("detractors", "list", "--status", "dismissed", "--format", "csv", *db)
    assert r.output.splitlines()[1].startswith(f"{flag_id},")

    from models.crud.triage import flag_events
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as s:
        events = [(e.actor, e.field_name, e.old_value, e.new_value) for e in flag_events(s, flag_id)]
    me = f"cli:{getpass.getuser()}"
    assert events == [
        (me, "status", "new", "responded"), (me, "assignee", None, "ana@acme.example"), (me, "note", None, "Replied publicly"),
        ("bot:cleanup", "status", "responded", "dismissed"), ("bot:cleanup", "corrected_label", None, "neutral"),
    ]
    table = umot("detractors", "list", "--status", "dismissed", *db).output
    assert "1 of 1 detractors" in table
    assert "31 of 31 detractors" in umot("detractors", "list", "--status", "open", *db).output  # both brands


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", "99999", "--status", "resolved"), "no detractor flag with id 99999"),
        (("set", "1", "--status", "closed"), "unknown status 'closed'"),
        (("set", "1", "--status", "resolved", "--label", "positive"), "corrected label goes with status 'dismissed'"),
        (("set", "1"), "nothing to change"),
        (("list", "--status", "closed"), "unknown --status 'closed'"),
        (("list", "--brand", "Nope"), "no brand named 'Nope' in the store"),
    ],
)
def test_detractors_refuses_bad_input(seeded, args, message) -> None:
    r = umot("detractors", *args, "--database-url", seeded.url)
    assert r.exit_code == 2 and message in " ".join(r.output.split())


def test_detractors_table_never_cuts_ids_date_or_pred(seeded) -> None:
    """At 80 columns the long columns wrap; the flag and review ids (typed back into commands), date and pred stay whole."""
    import re

    r = umot("detractors", "list", "--limit", "0", "--database-url", seeded.url, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert max(map(len, lines)) <= 80 and "…" not in r.output
    header = r"\s*flag\s+review\s+brand\s+date\s+source\s+rating\s+pred\s+status\b"  # long headers may wrap above
    assert any(re.match(header, line) for line in lines[:3]), r.output
    for key, day, pred in (("a9", "2026-02-21", "1.3"), ("a29", "2026-02-01", "3.3")):
        flag_id, review_id = seeded.flags[key], seeded.reviews[key]
        assert flag_id >= 10
        assert re.search(rf"^\s*{flag_id}\s+{review_id}\s+Acme\s+{day}\s+.*\s{pred}\s+new\b", r.output, re.M), r.output
    assert lines[-1] == "32 of 32 detractors"


def test_detractors_csv_and_json_export_every_row_by_default(seeded, monkeypatch) -> None:
    """The table's default page must not silently cut a `--format csv > open.csv`."""
    from umot.cli import detractors

    monkeypatch.setattr(detractors, "TABLE_LIMIT", 10)  # the seeded store has 32 open flags, not 50+
    db = ("--database-url", seeded.url)
    table = umot("detractors", "list", "--status", "open", *db)
    assert table.output.splitlines()[-1] == "10 of 32 detractors; --limit 0 for all"
    as_csv = runner.invoke(app, ["detractors", "list", "--status", "open", "--format", "csv", *db])
    assert as_csv.exit_code == 0 and len(as_csv.stdout.splitlines()) == 1 + 32 and as_csv.stderr == ""
    as_json = runner.invoke(app, ["detractors", "list", "--format", "json", *db])
    assert len(json.loads(as_json.stdout)) == 32 and as_json.stderr == ""
    cut = runner.invoke(app, ["detractors", "list", "--status", "open", "--format", "csv", "--limit", "5", *db])
    assert len(cut.stdout.splitlines()) == 1 + 5
    assert cut.stderr == "note: 5 of 32 detractors written; --limit 0 for all\n"
    bad = umot("detractors", "list", "--limit", "-1", *db)
    assert bad.exit_code == 2 and "--limit -1: give a number of rows, or 0 for all" in bad.output


def test_users_add_without_a_terminal_says_how_to_give_the_password(seeded) -> None:
    r = runner.invoke(app, ["users", "add", "new@acme.example", "--brand", "Acme", "--database-url", seeded.url],
                      env={"UMOT_USER_PASSWORD": None})
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == ("error: no terminal to ask for the password: "
                        "pass it with --password-stdin or set UMOT_USER_PASSWORD\n")
    r = runner.invoke(app, ["users", "add", "new@acme.example", "--brand", "Acme", "--password-stdin",
                            "--database-url", seeded.url], input="")
    assert r.exit_code == 2 and "--password-stdin: nothing on stdin" in r.stderr
    assert "new@acme.example" not in umot("users", "list", "--database-url", seeded.url).output


def test_users_add_with_stdin_from_dev_null_warns_nothing(seeded) -> None:
    """The real process: getpass used to print GetPassWarning, then `Aborted.` with exit 1."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "UMOT_USER_PASSWORD"}
    done = subprocess.run(
        [sys.executable, "-c", "from umot.cli import app; app()", "users", "add", "new@acme.example",
         "--brand", "Acme", "--database-url", seeded.url],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: no terminal to ask for the password: pass it with --password-stdin or set UMOT_USER_PASSWORD"
    ]
