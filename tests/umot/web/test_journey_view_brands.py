"""The triage pages find a brand's own themes in umot.toml under any spelling of its name, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tables import Brand
from umot.web.journey_view import brand_theme_names, known_themes


def test_a_brands_themes_are_found_whatever_the_case_in_umot_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "umot.toml"
    config.write_text('[[themes]]\nbrand = "acme kitchen"\nname = "loyalty_card"\n'
                      'description = "the Plus card"\nexamples = ["plus card"]\n', encoding="utf-8")
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    brand = Brand(id=1, name="Acme Kitchen")  # settings are read from the environment as it is now
    assert brand_theme_names([brand]) == {"Acme Kitchen": ("loyalty_card",)}  # was (): exact name only
    assert known_themes(brand)[-1] == "loyalty_card"
