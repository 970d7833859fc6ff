"""Start URLs and webhooks get one check (``core.http_url``): a URL that cannot work is one
``error:`` line (exit 2) in `umot sources add/list/sync` and `umot webhook set`, never a
traceback, and the nightly run's sync refuses it the way the run catches (it then crawls the
sources already stored). Sources whose brands differ only in case are one brand's: listed twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
BAD_URLS = [
    ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),  # was a ValueError traceback
    ("http://exa mple.com/feed", "host 'exa mple.com' holds a space"),  # were accepted
    ("http://example.com:99999/feed", "port '99999' is not a port"),
    ("http://example.com:abc/feed", "port 'abc' is not a port"),
]


def _source(brand: str, name: str, url: str) -> str:
    return f'[[sources]]\nbrand = "{brand}"\nname = "{name}"\nspider = "feed"\nurls = ["{url}"]\n\n'


@pytest.mark.parametrize(("url", "why"), BAD_URLS)
def test_sources_add_refuses_a_bad_url_in_one_line(tmp_path: Path, db_url: str, url: str, why: str) -> None:
    path = tmp_path / "umot.toml"
    done = runner.invoke(app, ["sources", "add", "Acme", "f", "--spider", "feed", "--url", url,
                               "--config", str(path), "--database-url", db_url])
    assert done.exit_code == 2 and "Traceback" not in done.output, done.output
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: source Acme/f: {url!r}: {why}")
    assert not path.exists()


@pytest.mark.parametrize(("url", "why"), BAD_URLS)
@pytest.mark.parametrize("command", [["sources", "list"], ["sources", "sync"]])
def test_list_and_sync_name_the_file_and_source(tmp_path: Path, db_url: str, url: str, why: str,
                                                command: list[str]) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(_source("Acme", "f", url), encoding="utf-8")
    done = runner.invoke(app, [*command, "--config", str(path), "--database-url", db_url])
    assert done.exit_code == 2 and "Traceback" not in done.output, done.output
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: source Acme/f: {url!r}: {why}")


def test_the_runs_sync_refuses_it_as_a_config_error(tmp_path: Path, db_url: str,
                                                    stored_sources: Callable[[str], dict]) -> None:
    """`umot run` and the nightly flow catch SourcesConfigError and crawl the sources already stored."""
    from crawlers.sources_sync import sync_sources
    from models.db import get_engine, session_scope
    from models.sources_config import SourcesConfigError

    path = tmp_path / "umot.toml"
    path.write_text(_source("Acme", "ok", "http://127.0.0.1:9/feed.xml"), encoding="utf-8")
    with session_scope(get_engine(db_url)) as session:
        sync_sources(session, path)
    path.write_text(_source("Acme", "ok", "http://[::1"), encoding="utf-8")
    with pytest.raises(SourcesConfigError, match=r"source Acme/ok: 'http://\[::1': not a valid URL"):
        with session_scope(get_engine(db_url)) as session:
            sync_sources(session, path)
    assert stored_sources(db_url)[("Acme", "ok")].urls == ["http://127.0.0.1:9/feed.xml"]  # kept


def test_brands_differing_in_case_are_one_brand_in_the_file(tmp_path: Path, db_url: str,
                                                            stored_sources: Callable[[str], dict]) -> None:
    """Were merged: one source kept, with the second table's URLs; an exact duplicate was refused."""
    path = tmp_path / "umot.toml"
    path.write_text(_source("Acme", "f", "http://a.example/1") + _source("acme", "f", "http://a.example/2"),
                    encoding="utf-8")
    done = runner.invoke(app, ["sources", "sync", "--config", str(path), "--database-url", db_url])
    assert done.exit_code == 2, done.output
    assert done.stderr.strip() == f"error: {path}: source #2: acme/f is listed twice (as Acme/f above: one brand)"
    assert stored_sources(db_url) == {}


def test_a_source_filed_under_another_case_is_in_the_file(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(_source("acme", "f", "http://a.example/1"), encoding="utf-8")
    assert runner.invoke(app, ["sources", "sync", "--config", str(path), "--database-url", db_url]).exit_code == 0
    path.write_text(_source("ACME", "f", "http://a.example/1"), encoding="utf-8")
    listed = runner.invoke(app, ["sources", "list", "--brand", "Acme", "--config", str(path), "--database-url", db_url],
                           env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    row = next(line for line in listed.output.splitlines() if "a.example" in line)
    assert "│ yes " in row, listed.output


@pytest.mark.parametrize(("url", "message"), [
    ("https://bot:s3cr3t@hooks.example.com:99999/services/T000/XXXX",
     "webhook URL: port '99999' is not a port (give 1 to 65535, or none)"),
    ("https://bot:s3cr3t@hooks.exa mple.com/services/T000/XXXX",
     "webhook https://hooks.exa mple.com/…: host 'hooks.exa mple.com' holds a space"),
    ("ftp://bot:s3cr3t@hooks.example.com/services/T000/XXXX",
     "webhook ftp://hooks.example.com/…: not an http(s) URL with a host (http://host/...)"),
    ("https://bot:s3cr3t@[::1/services/T000/XXXX", "webhook URL: not a valid URL (Invalid IPv6 URL)"),
])
def test_webhook_set_names_only_scheme_host_and_port(db_url: str, url: str, message: str) -> None:
    """Were the whole URL: user:password and path, which `webhook list` hides as secrets."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme")
    done = runner.invoke(app, ["webhook", "set", "Acme", url, "--database-url", db_url])
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.strip() == f"error: {message}"
    assert "s3cr3t" not in done.output and "XXXX" not in done.output
