"""A source name written with spaces around it in umot.toml (``name = "blog "``) is the stored ``blog``:
``umot sources disable/remove`` must find it in the file, or the next sync undoes the edit."""

from __future__ import annotations

from pathlib import Path

from models.sources_config import load_sources
from models.sources_config_edits import remove_source_from_config, update_source_in_config

SPACED = '[[sources]]\nbrand = "Acme"\nname = " blog "\nspider = "feed"\nurls = ["https://blog.example/feed"]\n'


def test_a_spaced_name_in_the_file_is_disabled_by_its_stripped_name(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(SPACED, encoding="utf-8")
    assert update_source_in_config(path, "Acme", "blog", enabled=False)
    assert [(s.name, s.enabled) for s in load_sources(path)] == [("blog", False)]


def test_a_spaced_name_in_the_file_is_removed_by_its_stripped_name(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(SPACED + '\n[[sources]]\nbrand = "Acme"\nname = "blogs"\nspider = "feed"\n'
                    'urls = ["https://blog.example/all"]\n', encoding="utf-8")
    assert remove_source_from_config(path, "Acme", "blog")
    assert [s.name for s in load_sources(path)] == ["blogs"]  # only that one
    assert not remove_source_from_config(path, "Acme", "blog")
