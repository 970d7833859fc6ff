"""A PostgreSQL URL that names no database (``postgresql:///``: ``postgresql://$HOST/$DB`` with both unset) is
refused as the SQLite URL naming no file is, unless PGDATABASE names one: libpq quietly took its default
database (the user's name) and umot created its tables there."""

from __future__ import annotations

import pytest

from models.db_url import DatabaseUrlError, check_store_file, normalize_url

NO_DATABASE = ["postgresql:///", "postgres:///", "postgresql://u:secret@db.example", "postgresql+psycopg://h:5432/"]


@pytest.mark.parametrize("url", NO_DATABASE)
def test_no_database_is_refused(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGDATABASE", raising=False)
    with pytest.raises(DatabaseUrlError, match="names no database") as caught:
        check_store_file(url)
    assert "secret" not in str(caught.value) and "give postgresql://USER@HOST/DB or set PGDATABASE" in str(caught.value)


def test_from_the_environment_it_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGDATABASE", raising=False)
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql:///")
    with pytest.raises(DatabaseUrlError) as caught:
        normalize_url()
    assert str(caught.value) == (
        "database URL 'postgresql:///' (from UMOT_DATABASE_URL) names no database (libpq would take its default one "
        "and umot would create its tables there): give postgresql://USER@HOST/DB or set PGDATABASE"
    )


@pytest.mark.parametrize("url", ["postgresql://u@h/umot", "postgresql:///umot", "postgresql:///?dbname=umot",
                                 "postgresql://h/?service=umot"])
def test_a_named_database_is_taken(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGDATABASE", raising=False)
    check_store_file(url)


def test_pgdatabase_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGDATABASE", "umot")
    check_store_file("postgresql:///")
    monkeypatch.setenv("PGDATABASE", "")  # empty: libpq's default again
    with pytest.raises(DatabaseUrlError):
        check_store_file("postgresql:///")
