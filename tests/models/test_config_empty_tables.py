"""An edit after the last ``[[competitors]]`` or ``[[sources]]`` table went (or after a hand-written
``competitors = []``) writes valid TOML: taking out the last table left ``competitors = []``, and the next
link appended a table into that plain array, writing ``competitors = [brand = ...]``, which every later
command refused as "not valid TOML"."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from models.competitors_config import load_links
from models.competitors_config_edits import add_links_to_config, remove_links_from_config
from models.config_file import ConfigFileError, read_document, write_document
from models.configured_source import SourceConfig
from models.crud.competitors import CompetitorError
from models.sources_config import SourcesConfigError, load_sources
from models.sources_config_edits import add_source_to_config, remove_source_from_config

SOURCE = '[[sources]]\nbrand = "Acme"\nname = "tp"\nspider = "trustpilot"\n'


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_unlinking_the_last_rival_takes_the_key_out_and_the_next_link_writes_valid_toml(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    add_links_to_config(path, "Bellhaven Hotels", ["Lumen Audio"])
    assert remove_links_from_config(path, "Bellhaven Hotels", ["Lumen Audio"]) == [True]
    assert "competitors" not in _toml(path)
    add_links_to_config(path, "Bellhaven Hotels", ["Lumen Audio"])
    assert _toml(path)["competitors"] == [{"brand": "Bellhaven Hotels", "rivals": ["Lumen Audio"]}]


def test_a_hand_written_empty_competitors_array_takes_a_link(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text("# ours\ncompetitors = []\nlocale = \"en\"\n\n" + SOURCE, encoding="utf-8")
    add_links_to_config(path, "Acme", ["Globex"])
    data = _toml(path)
    assert data["locale"] == "en" and data["sources"][0]["name"] == "tp"  # the keys after it stay where they were
    assert load_links(path) == [("Acme", "Globex")]
    assert path.read_text(encoding="utf-8").startswith("# ours\n")


def test_an_inline_competitors_array_is_refused_naming_the_file_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    text = 'competitors = [{brand = "Acme", rivals = ["Globex"]}]\n'
    path.write_text(text, encoding="utf-8")
    add_links_to_config(path, "Acme", ["Initech"])  # the brand's own inline table takes its rival
    assert load_links(path) == [("Acme", "Globex"), ("Acme", "Initech")]
    before = path.read_text(encoding="utf-8")
    with pytest.raises(CompetitorError, match=rf"^{re.escape(str(path))}: 'competitors' is an inline array"):
        add_links_to_config(path, "Globex", ["Initech"])
    assert path.read_text(encoding="utf-8") == before


def test_removing_the_last_source_takes_the_key_out_and_the_next_add_writes_valid_toml(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(SOURCE, encoding="utf-8")
    assert remove_source_from_config(path, "Acme", "tp")
    assert "sources" not in _toml(path)
    add_source_to_config(path, SourceConfig("Acme", "tp2", "trustpilot", options={"domain": "acme.example"}))
    assert [s.name for s in load_sources(path)] == ["tp2"]


def test_a_hand_written_empty_sources_array_takes_a_source(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('sources = []\n\n[[competitors]]\nbrand = "Acme"\nrivals = ["Globex"]\n', encoding="utf-8")
    add_source_to_config(path, SourceConfig("Acme", "tp", "trustpilot"))
    assert [s.name for s in load_sources(path)] == ["tp"] and load_links(path) == [("Acme", "Globex")]


def test_an_inline_sources_array_is_refused_naming_the_file_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    text = 'sources = [{brand = "Acme", name = "tp", spider = "trustpilot"}]\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesConfigError, match=rf"^{re.escape(str(path))}: 'sources' is an inline array"):
        add_source_to_config(path, SourceConfig("Acme", "tp2", "trustpilot"))
    assert path.read_text(encoding="utf-8") == text


def test_a_document_that_renders_invalid_toml_is_not_written(tmp_path: Path) -> None:
    import tomlkit

    path = tmp_path / "umot.toml"
    path.write_text("x = []\n", encoding="utf-8")
    document = read_document(path)
    table = tomlkit.table()
    table.add("a", 1)
    document["x"].append(table)  # tomlkit renders "x = [a = 1\n]"
    with pytest.raises(ConfigFileError, match=rf"^{re.escape(str(path))}: not written, the edit would make it invalid TOML"):
        write_document(path, document)
    assert path.read_text(encoding="utf-8") == "x = []\n"
