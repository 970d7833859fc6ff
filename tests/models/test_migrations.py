"""Migrations: from empty to head, repeatable, concurrent, and all-or-nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from models.db import create_engine_for, init_db
from models.migrate import alembic_config, current_revision, head_revision, upgrade

TABLES = {"brand", "source", "crawlrun", "review", "score", "flag", "flagevent", "user", "userbrand"}


def test_upgrade_from_empty_creates_every_table(empty_url: str) -> None:
    assert current_revision(empty_url) is None
    engine = init_db(empty_url)
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert current_revision(empty_url) == head_revision()


def test_migrations_match_the_tables(engine) -> None:
    """The migrations build exactly the schema in models/tables/ (no forgotten migration)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_init_db_is_repeatable(empty_url: str) -> None:
    init_db(empty_url)
    init_db(empty_url)
    assert current_revision(empty_url) == head_revision()


def test_sqlite_file_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'deep' / 'dir' / 'umot.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


@pytest.mark.slow
def test_concurrent_init_db_migrates_once(empty_url: str) -> None:
    code = "import sys; from models.db import init_db; init_db(sys.argv[1]); print('ok')"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, empty_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outcomes = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outcomes):
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
    assert current_revision(empty_url) == head_revision()


def _write_revision(folder: Path, rev: str, down: str, body: str) -> None:
    header = (
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        f"revision = {rev!r}\ndown_revision = {down!r}\nbranch_labels = None\ndepends_on = None\n\n"
    )
    upgrade_fn = "def upgrade():\n" + textwrap.indent(textwrap.dedent(body).strip(), "    ") + "\n\n"
    folder.joinpath(f"{rev}_test.py").write_text(header + upgrade_fn + "def downgrade():\n    pass\n")


def test_failed_migration_leaves_previous_revision(empty_url: str, tmp_path: Path) -> None:
    init_db(empty_url)
    base = head_revision()
    extra = tmp_path / "versions"
    extra.mkdir()
    _write_revision(extra, "t_good", base, 'op.create_table("kept_table", sa.Column("id", sa.Integer, primary_key=True))')
    _write_revision(
        extra,
        "t_bad",
        "t_good",
        """
        op.create_table("gone_table", sa.Column("id", sa.Integer, primary_key=True))
        with op.batch_alter_table("review") as batch:
            batch.add_column(sa.Column("gone_column", sa.Integer))
        raise RuntimeError("migration failed on purpose")
        """,
    )
    cfg = alembic_config(empty_url, version_locations=[extra])
    with pytest.raises(RuntimeError, match="on purpose"):
        upgrade(empty_url, cfg=cfg)

    assert current_revision(empty_url) == "t_good"
    engine = create_engine_for(empty_url)
    try:
        inspector = inspect(engine)
        tables = set(inspector.get_table_names())
        assert "kept_table" in tables and "gone_table" not in tables
        assert "gone_column" not in {c["name"] for c in inspector.get_columns("review")}
        assert tables >= TABLES
    finally:
        engine.dispose()
