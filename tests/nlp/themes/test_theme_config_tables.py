"""``umot themes add`` into a umot.toml holding ``themes = []`` (by hand, or an older umot's last removal):
tomlkit kept the plain array and a table appended into it wrote ``themes = [brand = ...]``, no TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path

from nlp.themes.catalog import Theme
from nlp.themes.config import add_theme, remove_theme


def test_a_theme_added_after_an_empty_array_is_a_table_and_its_removal_takes_the_key(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('themes = []\n\n[database]\nurl = "sqlite:///x.db"\n', encoding="utf-8")
    add_theme(path, "Acme", Theme("loyalty_card", "the loyalty card", ("loyalty card",)))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [t["name"] for t in data["themes"]] == ["loyalty_card"]
    assert data["database"] == {"url": "sqlite:///x.db"}  # the keys after the array stay where they were
    assert remove_theme(path, "Acme", "loyalty_card")
    assert "themes" not in tomllib.loads(path.read_text(encoding="utf-8"))
