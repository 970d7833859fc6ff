"""flows/deployed_store.py: the store a pool worker's flow runs reach, pinned as an absolute SQLite URL or, for
PostgreSQL, as a password-free marker that a night run against another store fails on."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.deployed_store import (
    STORE_MARKER,
    StoreMismatchError,
    absolute_sqlite_url,
    check_deployed_store,
    store_marker,
)

PINNED = "postgresql://db.internal:5432/umot schema public"  # what `umot deploy` pins for a URL without options


@pytest.mark.parametrize(
    ("url", "expected"),
    [("sqlite:///db/umot.db", "sqlite:////base/db/umot.db"),
     ("sqlite:////srv/umot.db", "sqlite:////srv/umot.db"),  # already absolute
     ("sqlite:///~/umot.db", f"sqlite:///{Path.home()}/umot.db"),  # was <cwd>/~/umot.db
     ("sqlite://", "sqlite://"), ("sqlite:///:memory:", "sqlite:///:memory:"),
     ("postgresql://umot:s3cret@db.internal/umot", None),  # may hold a password: never pinned
     ("not a url", None), ("postgresql://u:s3cret@h:abc/d", None)],
)
def test_absolute_sqlite_url_pins_relative_files_only(url: str, expected: str | None) -> None:
    assert absolute_sqlite_url(url, Path("/base")) == expected


@pytest.mark.parametrize(
    ("url", "environ", "expected"),
    [("postgresql://umot:s3cret@db.internal/umot", {}, "postgresql://db.internal:5432/umot schema public"),
     ("postgres://umot@db.internal:6543/umot?sslmode=require", {}, "postgresql://db.internal:6543/umot schema public"),
     ("postgresql+psycopg://umot@/umot", {"PGHOST": "pg.lan", "PGPORT": "5433"},
      "postgresql://pg.lan:5433/umot schema public"),
     ("postgresql://umot@/umot?host=/run/postgresql", {}, "postgresql:///run/postgresql:5432/umot schema public"),
     ("sqlite:///db/umot.db", {}, "sqlite:////base/db/umot.db"),
     ("sqlite:////srv/umot.db", {}, "sqlite:////srv/umot.db")],
)
def test_the_store_marker_names_backend_host_port_and_database_never_a_password(
        url: str, environ: dict[str, str], expected: str) -> None:
    assert store_marker(url, Path("/base"), environ) == expected


@pytest.mark.parametrize(
    ("url", "environ", "schema"),
    [("postgresql://u@db/umot?options=-csearch_path%3Da", {}, "a"),
     ("postgresql://u@db/umot?options=-c%20search_path%3DTenant,public%20-c%20work_mem%3D4MB", {}, "tenant"),
     ("postgresql://u@db/umot?options=--search-path%3D%22Mixed%22", {}, "Mixed"),  # quoted: its case is kept
     ("postgresql://u@db/umot?options=-csearch_path%3Dpublic", {}, "public"),  # = a URL without options
     ("postgresql://u@db/umot", {"PGOPTIONS": "-c search_path=b"}, "b"),  # libpq reads PGOPTIONS then
     ("postgresql://u@db/umot?options=-csearch_path%3Da", {"PGOPTIONS": "-c search_path=b"}, "a"),  # not then
     ("postgresql://u@db/umot?options=-cstatement_timeout%3D5s", {}, "public")],
)
def test_the_store_marker_names_the_schema_the_tables_are_in(url: str, environ: dict[str, str], schema: str) -> None:
    assert store_marker(url, None, environ) == f"postgresql://db:5432/umot schema {schema}"


def test_a_worker_on_another_schema_of_the_same_database_fails_naming_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the marker dropped the schema, so a worker on store b ran store a's deployed night (docs/store.md:
    two stores in one database, a schema each)."""
    deployer = "postgresql+psycopg://umot@db.internal:5432/umot?options=-csearch_path%3Da"
    monkeypatch.delenv("PGOPTIONS", raising=False)
    monkeypatch.setenv(STORE_MARKER, store_marker(deployer, tmp_path))
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql+psycopg://umot@db.internal:5432/umot?options=-csearch_path%3Db")
    with pytest.raises(StoreMismatchError, match=r"^this run was deployed for the store postgresql://db\.internal:5432/"
                       r"umot schema a, but this worker's store is postgresql://db\.internal:5432/umot schema b "):
        check_deployed_store()
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://umot@db.internal:5432/umot")
    monkeypatch.setenv("PGOPTIONS", "-c search_path=b")  # the schema from the worker's environment
    with pytest.raises(StoreMismatchError, match=r"store is postgresql://db\.internal:5432/umot schema b "):
        check_deployed_store()
    monkeypatch.setenv("PGOPTIONS", "-c search_path=a")
    check_deployed_store()


def test_a_deployment_pinned_before_the_schema_was_still_runs_on_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deployment an older umot made pinned ``postgresql://HOST:PORT/DB`` alone: an upgraded worker compares
    that much (every night failed until a redeploy), and still refuses another database."""
    monkeypatch.delenv("PGOPTIONS", raising=False)
    monkeypatch.setenv(STORE_MARKER, "postgresql://db.internal:5432/umot")
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql+psycopg://umot@db.internal:5432/umot?options=-csearch_path%3Db")
    check_deployed_store()
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://umot@db.internal:5432/other")
    with pytest.raises(StoreMismatchError, match=r"but this worker's store is postgresql://db\.internal:5432/other "):
        check_deployed_store()


@pytest.fixture
def worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A worker's flow run: in a temporary folder, the deployment's pinned data folder, no UMOT_DATABASE_URL."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_a_worker_without_the_deployments_store_fails_saying_which(worker: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STORE_MARKER, PINNED)
    with pytest.raises(StoreMismatchError) as caught:
        check_deployed_store()
    assert str(caught.value) == (
        "this run was deployed for the store postgresql://db.internal:5432/umot schema public, but this worker's store is "
        f"sqlite:///{worker / 'data' / 'umot.db'} (UMOT_DATABASE_URL unset): set UMOT_DATABASE_URL where the "
        "worker runs to that store's URL; nothing was run")
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://umot:s3cret@db.internal:5433/umot")  # another server
    with pytest.raises(StoreMismatchError, match=r"store is postgresql://db.internal:5433/umot schema public \(its"):
        check_deployed_store()


def test_the_deployments_store_or_no_pin_lets_the_night_run(worker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_deployed_store()  # `umot run`, `umot serve`: nothing pinned
    monkeypatch.setenv(STORE_MARKER, PINNED)
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://worker:other-password@db.internal/umot")
    check_deployed_store()  # another role on the same database is the same store
    monkeypatch.delenv("UMOT_DATABASE_URL")
    monkeypatch.setenv(STORE_MARKER, store_marker("sqlite:///data/umot.db", worker))
    check_deployed_store()


def test_the_deployed_night_stops_before_it_opens_a_store(worker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the night filled a new SQLite file in the worker's folder and reported Completed."""
    from flows.nightly import nightly

    monkeypatch.setenv(STORE_MARKER, PINNED)
    with pytest.raises(StoreMismatchError):
        nightly.fn()
    assert not (worker / "data" / "umot.db").exists()


@pytest.mark.parametrize("unit", ["crawl_shard", "score_shard", "weekly_export"])
def test_fanned_units_and_the_export_stop_before_they_open_a_store(unit: str, worker: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A fan-out unit or the weekly export on a worker without the store's URL wrote to a new SQLite file too."""
    from flows import night_units, weekly_export

    flows = {"crawl_shard": lambda: night_units.crawl_shard.fn("n1", 0),
             "score_shard": lambda: night_units.score_shard.fn("n1", 0),
             "weekly_export": lambda: weekly_export.weekly_export.fn()}
    monkeypatch.setenv(STORE_MARKER, PINNED)
    with pytest.raises(StoreMismatchError):
        flows[unit]()
    assert not (worker / "data" / "umot.db").exists()
