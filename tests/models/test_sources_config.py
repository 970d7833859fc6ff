"""Sources in umot.toml: loading and validation (models/sources_config.py), editing the file (..._edits.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.configured_source import SourceConfig
from models.sources_config import SourcesConfigError, load_sources
from models.sources_config_edits import add_source_to_config, remove_source_from_config


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
    path.write_text('[[sources]]\nbrand = "Acme"\nname = "x"\nspider = "feed"\nurls = [" https://a.example ", " "]\n',
                    encoding="utf-8")
    assert load_sources(path)[0].urls == ["https://a.example"]  # trimmed, blanks dropped


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[sources]\n", "not valid TOML"),
        ('sources = "x"\n', "array of tables"),
        ('[[sources]]\nname = "a"\nspider = "feed"\n', "source #1: 'brand' must be a non-empty string"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\nurl = "x"\n', "unknown key(s) url"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\nenabled = "no"\n', "'enabled' must be true or false"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "  "\n', "source #1: 'spider' must be a non-empty string"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\nurls = ["https://a.example", 3]\n',
         "'urls' must be a list of strings"),
        ('[[sources]]\nbrand = "A"\nname = "a"\nspider = "feed"\noptions = "app_id=42"\n', "'options' must be a table"),
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


def test_edits_keep_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('# our brands\n[[sources]]\nbrand = "Acme"\nname = "blog"\nspider = "feed"\n'
                    'urls = ["https://blog.example/feed"]  # the RSS one\n', encoding="utf-8")
    add_source_to_config(path, SourceConfig("Acme", "ios", "appstore", options={"app_id": "42"}))
    with pytest.raises(SourcesConfigError, match="Acme/ios already exists"):
        add_source_to_config(path, SourceConfig("Acme", "ios", "appstore"))
    assert remove_source_from_config(path, "Acme", "ios") and not remove_source_from_config(path, "Acme", "ios")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# our brands\n") and "# the RSS one" in text
    assert [s.name for s in load_sources(path)] == ["blog"]


def test_a_broken_file_is_refused_in_the_sources_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text("[[sources]\n", encoding="utf-8")
    with pytest.raises(SourcesConfigError, match=f"{path}: not valid TOML"):
        add_source_to_config(path, SourceConfig("Acme", "ios", "appstore"))
    assert path.read_text(encoding="utf-8") == "[[sources]\n"  # nothing written over it


def test_edits_find_a_source_by_the_stores_brand_rule(tmp_path: Path) -> None:
    """`umot sources disable acme f` changed the store's Acme/f but not the file's, which the next sync undid."""
    from models.sources_config_edits import update_source_in_config

    path = tmp_path / "umot.toml"
    add_source_to_config(path, SourceConfig(brand="Acme", name="f", spider="feed", urls=["http://a.example/f"]))
    assert update_source_in_config(path, "ACME", "f", enabled=False)
    assert [s.enabled for s in load_sources(path)] == [False]
    assert not update_source_in_config(path, "Acme", "F", enabled=True)  # source names are exact
    assert remove_source_from_config(path, "acme", "f") and load_sources(path) == []
