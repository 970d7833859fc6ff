"""models/config_file.py: umot.toml read as plain data or as a tomlkit document, written back atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.config_file import ConfigFileError, read_data, read_document, write_document


class _TablesError(ValueError):
    pass


def test_a_missing_file_reads_as_an_empty_document(tmp_path: Path) -> None:
    document = read_document(tmp_path / "umot.toml")
    assert dict(document) == {} and not (tmp_path / "umot.toml").exists()


def test_a_missing_file_reads_as_no_data(tmp_path: Path) -> None:
    assert read_data(tmp_path / "umot.toml") == {}


def test_data_and_document_read_the_same_tables(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('# ours\n[[competitors]]\nbrand = "Acme"\nrivals = ["Globex"]\n', encoding="utf-8")
    assert read_data(path) == read_document(path).unwrap() == {"competitors": [{"brand": "Acme", "rivals": ["Globex"]}]}


@pytest.mark.parametrize("reader", [read_data, read_document])
def test_bad_toml_is_refused_naming_the_file_in_the_callers_error(tmp_path: Path, reader: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_text("[[sources]\n", encoding="utf-8")
    with pytest.raises(ConfigFileError, match=f"^{path}: not valid TOML"):
        reader(path)
    with pytest.raises(_TablesError, match=f"^{path}: not valid TOML"):
        reader(path, _TablesError)


@pytest.mark.parametrize("reader", [read_data, read_document])
@pytest.mark.parametrize(("toml", "where"), [
    ('[[sources]]\nbrand = "Acme"\nname = "tp\\u0000"\n', "sources[1].name"),
    ('[[themes]]\nbrand = "Acme"\nexamples = ["ok", "plus\\u0000 card"]\n', "themes[1].examples[2]"),
    ('[[sources]]\nbrand = "Acme"\noptions = { "dom\\u0000" = "x" }\n', "sources[1].options.dom\\u0000"),
])
def test_a_nul_character_is_refused_naming_where(tmp_path: Path, reader: Any, toml: str, where: str) -> None:
    """TOML allows \\u0000; PostgreSQL's text does not, so it would fail a sync deep in a query."""
    path = tmp_path / "umot.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(_TablesError) as caught:
        reader(path, _TablesError)
    assert str(caught.value) == f"{path}: {where} contains a NUL character (\\u0000)"


@pytest.mark.parametrize("reader", [read_data, read_document])
def test_a_file_that_is_not_utf8_is_not_toml(tmp_path: Path, reader: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_bytes(b'brand = "caf\xe9"\n')
    with pytest.raises(_TablesError, match=f"^{path}: not valid TOML"):
        reader(path, _TablesError)


@pytest.mark.parametrize("reader", [read_data, read_document])
def test_a_folder_in_the_files_place_is_refused_by_name(tmp_path: Path, reader: Any) -> None:
    path = tmp_path / "umot.toml"
    path.mkdir()
    with pytest.raises(_TablesError, match=f"^{path}: cannot read it"):
        reader(path, _TablesError)


def test_a_written_document_keeps_comments_ends_in_a_newline_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "umot.toml"
    path.parent.mkdir()
    path.write_text('# our brands\n[[competitors]]\nbrand = "Acme"  # the main one\nrivals = []', encoding="utf-8")
    document = read_document(path)
    document["competitors"][0]["rivals"].append("Globex")
    write_document(path, document)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# our brands\n") and '"Acme"  # the main one' in text and text.endswith("\n")
    assert read_document(path)["competitors"][0]["rivals"] == ["Globex"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["umot.toml"]


def test_write_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "umot.toml"
    document = read_document(path)
    document["themes"] = []
    write_document(path, document)
    assert path.read_text(encoding="utf-8") == "themes = []\n"


def test_an_unchanged_file_is_parsed_once_and_each_reader_gets_its_own_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    parses: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parses.append(text) or real(text))
    path = tmp_path / "umot.toml"
    path.write_text('[[competitors]]\nbrand = "Acme"\nrivals = ["Globex"]\n', encoding="utf-8")
    first = read_data(path)
    first["competitors"][0]["rivals"].append("changed by a caller")
    assert read_data(path) == {"competitors": [{"brand": "Acme", "rivals": ["Globex"]}]}
    assert len(parses) == 1
    path.write_text('[[competitors]]\nbrand = "Acme"\nrivals = ["Initech"]\n', encoding="utf-8")
    assert read_data(path)["competitors"][0]["rivals"] == ["Initech"]  # an edit is read at once
    assert len(parses) == 2


def test_a_symlinked_file_is_edited_where_it_points_keeping_the_link_and_the_mode(tmp_path: Path) -> None:
    """``umot sources disable`` on a linked umot.toml replaced the link with a new 644 file; the real one unchanged."""
    real = tmp_path / "deploy" / "umot.toml"
    real.parent.mkdir()
    real.write_text('[[sources]]\nname = "shop"\nenabled = true\n', encoding="utf-8")
    real.chmod(0o600)  # webhook URLs are secrets
    link = tmp_path / "umot.toml"
    link.symlink_to(real)
    document = read_document(link)
    document["sources"][0]["enabled"] = False
    write_document(link, document)
    assert link.is_symlink() and link.resolve() == real
    assert read_data(real) == {"sources": [{"name": "shop", "enabled": False}]}
    assert real.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["umot.toml"]  # no temporary left beside it
