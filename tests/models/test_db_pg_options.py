"""models/db.py: a PostgreSQL store keeps the URL's (or PGOPTIONS') libpq options, with the timezone set to UTC."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import text

from models.db import create_engine_for, init_db
from models.db_dialects import postgresql_options


@pytest.mark.parametrize(
    ("url", "environ", "expected"),
    [("postgresql+psycopg://u@h/d", {}, "-c timezone=UTC"),
     ("postgresql+psycopg://u@h/d?options=-csearch_path%3Dumot", {"PGOPTIONS": "-c work_mem=64MB"},
      "-csearch_path=umot -c timezone=UTC"),  # libpq reads PGOPTIONS only when no options are given
     ("postgresql+psycopg://u@h/d", {"PGOPTIONS": "-c search_path=umot"}, "-c search_path=umot -c timezone=UTC"),
     ("postgresql+psycopg://u@h/d?options=-c%20timezone%3DEurope/Paris", {}, "-c timezone=Europe/Paris -c timezone=UTC")],
)
def test_the_users_options_come_first_and_utc_last(url: str, environ: dict[str, str], expected: str) -> None:
    assert postgresql_options(url, environ) == expected


@pytest.mark.postgres
@pytest.mark.parametrize("via", ["url", "PGOPTIONS"])
def test_tables_land_in_the_schema_the_options_name(pg_database: str, via: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE SCHEMA umot")
    if via == "url":
        url = f"{pg_database}?options={quote('-csearch_path=umot')}"
    else:
        url = pg_database
        monkeypatch.setenv("PGOPTIONS", "-c search_path=umot")
    init_db(url)
    with create_engine_for(url).connect() as conn:
        assert conn.execute(text("SHOW timezone")).scalar() == "UTC"
        where: dict[str, int] = dict(conn.execute(text("SELECT table_schema, count(*) FROM information_schema.tables "
                                       "WHERE table_name = 'review' GROUP BY table_schema")).tuples().all())
    assert where == {"umot": 1}
