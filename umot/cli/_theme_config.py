"""Brand themes as umot.toml defines them, read for a command: a broken file is the CLI's
one-line error before the command prints, stores or loads anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._errors import fail

if TYPE_CHECKING:
    from pathlib import Path

    from nlp.themes import Theme, ThemeDetector


def configured_themes(config: Path, brand: str | None = None) -> dict[str, list[Theme]]:
    """Each brand's own themes in ``config`` by brand name (only ``brand``'s, ``[]`` if it has none)."""
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import load_all

    try:
        found = load_all(config)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    return {brand: found.get(brand, [])} if brand is not None else found


def themes_detector(brand: str | None) -> ThemeDetector:
    """Default themes, plus ``brand``'s own from umot.toml (a broken file: one-line error)."""
    from core.settings import get_settings
    from nlp.themes import ThemeDetector
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import brand_themes

    try:
        return ThemeDetector(brand_themes(get_settings().config_file, brand) if brand else ())
    except ThemeDefinitionError as exc:
        fail(str(exc))
