"""bench/_scratch_postgres.py: bench scale's throwaway database, or the reason it is skipped."""

from __future__ import annotations

import socket

import pytest

from bench import _scratch_postgres
from bench._scratch_postgres import NoPostgres, scratch_database, store_bytes


def test_no_server_is_no_postgres_naming_the_roles_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(_scratch_postgres, "PG", ("127.0.0.1", port, "test", ("postgres", "root")))
    with pytest.raises(NoPostgres, match=f"127.0.0.1:{port} \\(roles tried: postgres, root\\)"):
        with scratch_database():
            pass


@pytest.mark.postgres
def test_the_database_holds_a_store_and_is_dropped_after(pg_user: str) -> None:
    import psycopg

    from models.db import init_db

    with scratch_database() as url:
        name = url.rsplit("/", 1)[1]
        assert name.startswith("umot_bench_")
        init_db(url)
        assert store_bytes(url) > 0
    host, port, admin_db, _ = _scratch_postgres.PG
    with psycopg.connect(host=host, port=port, user=pg_user, dbname=admin_db) as conn:
        assert conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None
