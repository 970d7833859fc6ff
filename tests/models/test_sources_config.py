"""Sources in umot.toml (models/sources_config.py): loading, validation, sync into the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from models.sources_config import (
    SourceConfig,
    SourcesConfigError,
    add_source_to_config,
    load_sources,
    remove_source_from_config,
    resolve_urls,
    sync_sources,
)

APPSTORE_US = "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/json"


def _sync(db_url: str, path: Path, **kwargs):
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return sync_sources(session, path, **kwargs)


def test_load_reads_tables_and_a_missing_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    assert load_sources(path) == []
    path.write_text(
        '[[sources]]\nbrand = "Acme"\nname = "ios"\nspider = "appstore"\noptions = { app_id = "42" }\n\n'
        '[[sources]]\nbrand = "Acme"\nname = "blog"\nspider = "feed"\nurls = "https://blog.example/feed"\nenabled = false\n',
        encoding="utf-8",
    )
    ios, blog = load_sources(path)
    assert ios == SourceConfig("Acme", "ios", "appstore", [], {"app_id": "42"}, True)
    assert blog.urls == ["https://blog.example/feed"] and blog.enabled is False


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[sources]\n", "not valid TOML"),
        ('sources = "x"\n', "array of tables"),
        ('[[sources]]\nname = "a"\nspider = "feed"\n', "source #1: 'brand' must be a non-empty string"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\nurl = "x"\n', "unknown key(s) url"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\nenabled = "no"\n', "'enabled' must be true or false"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\n[[sources]]\nbrand = "A"\nname = "a"\nspider = "rss"\n',
         "source #2: A/a is listed twice"),
    ],
)
def test_bad_files_name_the_file_and_the_source(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesConfigError) as err:
        load_sources(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_urls_come_from_the_file_or_the_spiders_defaults() -> None:
    assert resolve_urls(SourceConfig("Acme", "ios", "appstore", options={"app_id": "42"})) == [APPSTORE_US]
    assert resolve_urls(SourceConfig("Acme Inc", "hn", "hackernews"))[0].startswith(
        "https://hn.algolia.com/api/v1/search_by_date?query=Acme+Inc"
    )
    assert resolve_urls(SourceConfig("A", "x", "feed", urls=["https://f.example/rss"])) == ["https://f.example/rss"]
    with pytest.raises(SourcesConfigError, match="spider 'appstore' needs urls or options"):
        resolve_urls(SourceConfig("A", "x", "appstore"))
    with pytest.raises(SourcesConfigError, match="unknown spider 'rss'"):
        resolve_urls(SourceConfig("A", "x", "rss", urls=["https://f.example/rss"]))
    with pytest.raises(SourcesConfigError, match="not an http"):
        resolve_urls(SourceConfig("A", "x", "feed", urls=["ftp://f.example/rss"]))


def test_sync_adds_updates_and_prunes(tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]) -> None:
    path = tmp_path / "umot.toml"
    add_source_to_config(path, SourceConfig("Acme", "ios", "appstore", options={"app_id": "42"}))
    add_source_to_config(path, SourceConfig("Acme", "blog", "feed", urls=["https://blog.example/feed"]))
    first = _sync(db_url, path)
    assert first.added == ["Acme/ios", "Acme/blog"]
    stored = stored_sources(db_url)
    assert stored[("Acme", "ios")].urls == [APPSTORE_US] and stored[("Acme", "ios")].options == {"app_id": "42"}
    assert _sync(db_url, path).unchanged == ["Acme/ios", "Acme/blog"]

    remove_source_from_config(path, "Acme", "ios")
    add_source_to_config(path, SourceConfig("Acme", "ios", "appstore", options={"app_id": "42", "countries": "us,gb"}))
    again = _sync(db_url, path)
    assert again.updated == ["Acme/ios"] and len(stored_sources(db_url)[("Acme", "ios")].urls) == 2

    remove_source_from_config(path, "Acme", "blog")
    assert _sync(db_url, path).disabled == []  # without prune, the store keeps it enabled
    assert _sync(db_url, path, prune=True).disabled == ["Acme/blog"]
    assert stored_sources(db_url)[("Acme", "blog")].enabled is False


def test_sync_changes_nothing_when_a_source_is_invalid(
    tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]
) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(
        '[[sources]]\nbrand = "Acme"\nname = "ok"\nspider = "reddit"\n\n'
        '[[sources]]\nbrand = "Acme"\nname = "bad"\nspider = "trustpilot"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourcesConfigError, match="Acme/bad: spider 'trustpilot' needs urls or options \\(domain\\)"):
        _sync(db_url, path)
    assert stored_sources(db_url) == {}
