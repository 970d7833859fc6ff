"""Brand themes as umot.toml defines them, read for a command: a broken file is the CLI's
one-line error before the command prints, stores or loads anything; and the brand a new
theme is for, which must be one umot follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._errors import fail

if TYPE_CHECKING:
    from pathlib import Path

    from nlp.themes import Theme, ThemeDetector


def configured_themes(config: Path, brand: str | None = None) -> dict[str, list[Theme]]:
    """Each brand's own themes in ``config`` by brand name (only ``brand``'s, ``[]`` if it has none)."""
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import load_all, themes_of

    try:
        found = load_all(config)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    return {brand: themes_of(found, brand)} if brand is not None else found


def known_brand(config: Path, brand: str, database_url: str | None) -> str:
    """``brand`` as umot.toml's ``[[sources]]`` or the store spell it, else the one-line error: the
    nightly run reads the themes of the brands it crawls and stores, so any other brand's would
    never be applied. A missing SQLite store is not created for this."""
    from models import crud
    from models.config_file import read_data
    from models.db import session_scope
    from models.db_url import normalize_url
    from models.identity import brand_key
    from models.sqlite_url import sqlite_path
    from nlp.themes.brand import ThemeDefinitionError
    from umot.cli._store import open_store

    wanted = brand.strip()
    try:
        tables = read_data(config, ThemeDefinitionError).get("sources", [])
    except ThemeDefinitionError as exc:
        fail(str(exc))
    sourced = [t["brand"].strip() for t in tables if isinstance(t, dict) and isinstance(t.get("brand"), str)] \
        if isinstance(tables, list) else []
    for name in sorted(set(sourced), key=lambda n: n != wanted):  # the exact spelling first
        if brand_key(name) == brand_key(wanted):
            return name
    store = sqlite_path(normalize_url(database_url))
    stored: list[str] = []
    if store is None or store.exists():
        with session_scope(open_store(database_url), write=False) as session:
            owner = crud.get_brand(session, wanted)
            if owner is not None:
                return owner.name
            stored = [b.name for b in crud.list_brands(session)]
    known = ", ".join(sorted(set(stored) | set(sourced))) or "none yet"
    fail(f"no brand {wanted!r} in the store or in {config}'s [[sources]] (brands: {known}): "
         f"a theme is applied to a crawled brand's reviews; add its sources first (`umot sources add`)")


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
