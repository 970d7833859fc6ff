"""crawlers/sources_sync.py: umot.toml's sources resolved against the spiders and synced into the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from crawlers.source_urls import resolve_urls, spider_classes
from crawlers.sources_sync import sync_sources
from models.configured_source import SourceConfig
from models.sources_config import SourcesConfigError
from models.sources_config_edits import add_source_to_config, remove_source_from_config

APPSTORE_US = "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/json"


def _sync(db_url: str, path: Path, **kwargs):
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return sync_sources(session, path, **kwargs)


def test_the_spiders_are_this_projects() -> None:
    spiders = spider_classes()
    assert {"appstore", "googleplay", "schemaorg", "feed", "reddit", "hackernews"} <= set(spiders)
    assert all(cls.__module__.startswith("crawlers.spiders.") for cls in spiders.values())


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


def test_prune_keeps_a_source_whose_brand_the_file_spells_in_another_case(
    tmp_path: Path, db_url: str, stored_sources: Callable[[str], dict]
) -> None:
    path = tmp_path / "umot.toml"
    add_source_to_config(path, SourceConfig("Acme", "blog", "feed", urls=["https://blog.example/feed"]))
    assert _sync(db_url, path).added == ["Acme/blog"]
    path.write_text('[[sources]]\nbrand = "acme"\nname = "blog"\nspider = "feed"\n'
                    'urls = ["https://blog.example/feed"]\n', encoding="utf-8")
    assert _sync(db_url, path, prune=True).disabled == []  # "acme" is the stored "Acme": it was disabled
    assert stored_sources(db_url)[("Acme", "blog")].enabled is True


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
