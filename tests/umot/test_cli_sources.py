"""`umot sources`: add, list, disable, remove and sync from the command line, then crawl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.sources_config import load_sources
from umot.cli import app


def test_cli_add_list_disable_remove_keep_the_file_readable(tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]) -> None:
    path = tmp_path / "umot.toml"
    path.write_text("# team config\n[export]\nweeks = 12  # keep this\n", encoding="utf-8")
    common = ["--config", str(path), "--database-url", db_url]
    runner = CliRunner()

    added = runner.invoke(app, ["sources", "add", "Zoë's Café", "ios", "--spider", "appstore",
                                "--option", "app_id=42", "--option", "countries=us,gb", *common])
    assert added.exit_code == 0, added.output
    assert "added Zoë's Café/ios (appstore)" in added.output
    assert runner.invoke(app, ["sources", "add", "Zoë's Café", "hn", "--spider", "hackernews", *common]).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# team config\n[export]\nweeks = 12  # keep this\n")
    assert [s.name for s in load_sources(path)] == ["ios", "hn"]

    listed = runner.invoke(app, ["sources", "list", *common], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "appstore" in listed.output and "hackernews" in listed.output
    assert "itunes.apple.com/gb/rss" in listed.output

    assert runner.invoke(app, ["sources", "disable", "Zoë's Café", "hn", *common]).exit_code == 0
    assert stored_sources(db_url)[("Zoë's Café", "hn")].enabled is False
    assert load_sources(path)[1].enabled is False

    removed = runner.invoke(app, ["sources", "remove", "Zoë's Café", "ios", *common])
    assert removed.exit_code == 0 and [s.name for s in load_sources(path)] == ["hn"]
    assert ("Zoë's Café", "ios") not in stored_sources(db_url)


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "Acme", "x", "--spider", "nope", "--url", "https://a.example/"], "unknown spider 'nope'"),
        (["add", "Acme", "x", "--spider", "appstore"], "needs urls or options (app_id, countries, country)"),
        (["add", "Acme", "x", "--spider", "feed", "--url", "not a url"], "not an http(s) URL"),
        (["add", "Acme", "x", "--spider", "reddit", "--option", "query"], "--option 'query': expected KEY=VALUE"),
        (["remove", "Acme", "ghost"], "no source 'ghost' for brand 'Acme'"),
        (["sync"], "does not exist"),
    ],
)
def test_cli_bad_input_is_one_line_and_exits_2(tmp_path: Path, db_url: str, args: list[str], message: str) -> None:
    path = tmp_path / "umot.toml"
    result = CliRunner().invoke(app, ["sources", *args, "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 2
    assert message in result.output and result.output.count("error:") == 1
    assert not path.exists() or load_sources(path) == []


def test_cli_add_refuses_a_duplicate(tmp_path: Path, db_url: str) -> None:
    common = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    args = ["sources", "add", "Acme", "hn", "--spider", "hackernews", *common]
    assert CliRunner().invoke(app, args).exit_code == 0
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2 and "Acme/hn already exists" in again.output


def test_cli_add_says_when_it_creates_a_brand_and_uses_the_stored_spelling(tmp_path: Path, db_url: str) -> None:
    """A typo'd brand was created without a word; "acme" for a stored "Acme" went into umot.toml as "acme"."""
    path = tmp_path / "umot.toml"
    common = ["--config", str(path), "--database-url", db_url]
    first = CliRunner().invoke(app, ["sources", "add", "Acme", "hn", "--spider", "hackernews", *common])
    assert first.exit_code == 0 and first.output.rstrip().endswith(
        "(a new brand, 'Acme': `umot sources remove 'Acme' 'hn'` undoes a typo)"), first.output
    second = CliRunner().invoke(app, ["sources", "add", "acme", "reddit", "--spider", "reddit", *common])
    assert second.exit_code == 0 and "new brand" not in second.output, second.output
    assert second.output.startswith("added Acme/reddit (reddit)")
    assert [s.brand for s in load_sources(path)] == ["Acme", "Acme"]


@pytest.mark.parametrize("command", ["list", "sync"])
def test_cli_list_and_sync_name_a_misspelt_table(tmp_path: Path, db_url: str, command: str) -> None:
    """A `[[source]]` table was skipped in silence: only `umot run` named it."""
    path = tmp_path / "umot.toml"
    path.write_text('[[source]]\nbrand = "Acme"\nname = "hn"\nspider = "hackernews"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", command, "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (f"warning: {path}: 'source' is not read by umot (it reads [[competitors]], "
                                     "[[sources]], [[themes]]); check its spelling")


@pytest.mark.slow
def test_configured_source_is_crawled_from_the_store(tmp_path: Path, db_url: str) -> None:
    """What the nightly run does with a configured source: read it from the store, crawl it."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from crawlers.runner import LOCAL_SITE_SETTINGS, run_crawl
    from models import crud
    from models.db import get_engine, session_scope

    fixtures = Path(__file__).parents[1] / "crawlers" / "fixtures" / "appstore"
    pages = {f"/us/rss/customerreviews/page={n}/id=1234567890/sortby=mostrecent/json": f"page{n}.json" for n in (1, 2)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = pages.get(self.path)
            body = (fixtures / name).read_bytes() if name else b"User-agent: *\nAllow: /\n"
            self.send_response(200 if name or self.path == "/robots.txt" else 404)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/us/rss/customerreviews/page=1/id=1234567890/sortby=mostrecent/json"
        common = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
        added = CliRunner().invoke(app, ["sources", "add", "Acme", "ios-us", "--spider", "appstore", "--url", url, *common])
        assert added.exit_code == 0, added.output
        with session_scope(get_engine(db_url)) as session:
            (source,) = crud.list_sources(session, enabled_only=True)
            spec = (source.id, source.spider, list(source.urls))
        result = run_crawl(spec[1], spec[2], brand="Acme", database_url=db_url, source_id=spec[0],
                           settings=LOCAL_SITE_SETTINGS)
    finally:
        server.shutdown()
        server.server_close()
    assert result.ok and result.items_new == 4, result
    from sqlmodel import select

    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        assert {r.source_id for r in session.exec(select(Review))} == {spec[0]}


def test_cli_sync_names_the_file_of_an_unknown_spider(tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[sources]]\nbrand = "Acme"\nname = "x"\nspider = "nosuch"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "sync", "--config", str(path), "--database-url", db_url])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: source Acme/x: unknown spider 'nosuch' (available: ")
    assert result.stderr.count("\n") == 1 and stored_sources(db_url) == {}


def test_cli_list_says_1_error(tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    common = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["sources", "add", "Acme", "hn", "--spider", "hackernews", *common]).exit_code == 0
    row = stored_sources(db_url)[("Acme", "hn")]
    with session_scope(get_engine(db_url)) as session:
        run = crud.start_crawl_run(session, brand_id=row.brand_id, source_id=row.id, spider="hackernews")
        crud.finish_crawl_run(session, run.id, status="ok", pages=1, items_scraped=3, items_new=1, errors=1)
    listed = runner.invoke(app, ["sources", "list", *common], env={"COLUMNS": "250"})
    assert listed.exit_code == 0, listed.output
    assert "ok, 1 new, 1 error" in listed.output and "1 errors" not in listed.output
