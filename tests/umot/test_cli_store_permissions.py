"""A PostgreSQL role that may read the store but not write it: every write command says so in one line and
exits 2 (it was a ProgrammingError traceback, exit 1), naming what to grant; reading commands still work."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.fixture
def read_only_url(pg_database: str, pg_user: str, tmp_path: Path) -> Iterator[str]:
    """``pg_database`` with brand A and one review, and the URL of a role of its own that may only SELECT."""
    import psycopg

    csv = tmp_path / "reviews.csv"
    csv.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    seeded = runner.invoke(app, ["import", str(csv), "--brand", "A", "--create-brand", "--database-url", pg_database])
    assert seeded.exit_code == 0, seeded.output
    role = f"umot_ro_{uuid.uuid4().hex[:10]}"
    admin = make_url(pg_database).set(drivername="postgresql")
    dsn = admin.render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    try:
        yield admin.set(drivername="postgresql", username=role).render_as_string(hide_password=False)
    finally:
        from models.db import dispose_engines

        dispose_engines()
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{role}"')  # its grants in this database, so the role can go
            conn.execute(f'DROP ROLE "{role}"')


WRITES = {
    "import": ["import", "{csv}", "--brand", "A"],
    "webhook set": ["webhook", "set", "A", "https://hooks.example.com/x"],
    "users add": ["users", "add", "ana@shop.example", "--brand", "A", "--password-stdin"],
}


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(WRITES))
def test_a_write_the_role_may_not_make_is_one_line_naming_the_grant(
    name: str, read_only_url: str, tmp_path: Path
) -> None:
    csv = tmp_path / "more.csv"
    csv.write_text("text,stars\nbroken lid,1\n", encoding="utf-8")
    args = [a.replace("{csv}", str(csv)) for a in WRITES[name]]
    result = runner.invoke(app, [*args, "--database-url", read_only_url], input="a long enough password\n")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: cannot write to the store {read_only_url}: permission denied for table ")
    assert lines[0].endswith("(grant the role INSERT/UPDATE/DELETE on umot's tables)")
    listed = runner.invoke(app, ["brands", "list", "--database-url", read_only_url])
    assert listed.exit_code == 0 and listed.stdout.startswith("A"), listed.output  # reading still works


def test_permission_denied_is_the_store_refusing_not_a_bug_in_the_query() -> None:
    """SQLSTATE 42501 on a write or a locking read is a write refused; on a plain read, a read refused."""
    import psycopg
    from sqlalchemy.exc import ProgrammingError

    from umot.cli._store_errors import is_store_refusal, store_error

    denied = psycopg.errors.InsufficientPrivilege("permission denied for table review")
    url = "postgresql://reader@db/umot"
    update = ProgrammingError("UPDATE brand SET webhook_url=%(u)s", {}, denied)
    locking = ProgrammingError("SELECT review.id FROM review FOR NO KEY UPDATE", {}, denied)
    read = ProgrammingError("SELECT review.id FROM review", {}, denied)
    assert all(is_store_refusal(exc) for exc in (update, locking, read))
    wrote = f"cannot write to the store {url}: permission denied for table review (grant the role INSERT/UPDATE/DELETE on umot's tables)"
    assert store_error(update, url) == store_error(locking, url) == wrote
    assert store_error(read, url) == (f"cannot read the store {url}: permission denied for table review "
                                      "(grant the role SELECT on umot's tables)")
    sequence = ProgrammingError("INSERT INTO brand (name) VALUES (%(n)s)", {},
                                psycopg.errors.InsufficientPrivilege("permission denied for sequence brand_id_seq"))
    assert store_error(sequence, url).endswith("(grant the role USAGE on umot's sequences)")
