"""``umot score``'s ``--brand`` and ``--model`` checked before the model loads: a typo costs one line, not a run."""

from __future__ import annotations

from umot.cli._errors import fail


def check_brand(brand: str | None) -> None:
    """``--brand`` names a brand umot.toml ([[themes]], [[sources]]) or the store knows: its themes are found by
    that name, so a typo would score without them and say nothing. A missing SQLite store is not created."""
    if brand is None:
        return
    from core.settings import get_settings
    from models import crud
    from models.config_file import read_data
    from models.db import session_scope
    from models.db_url import normalize_url
    from models.identity import brand_key
    from models.sqlite_url import sqlite_path
    from nlp.themes.brand import ThemeDefinitionError
    from umot.cli._store import open_store

    if not brand.strip():
        fail("--brand is empty: give the brand's name")
    config = get_settings().config_file
    try:
        data = read_data(config, ThemeDefinitionError)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    tables = [t for key in ("themes", "sources") if isinstance(data.get(key), list) for t in data[key]]
    known = {t["brand"].strip() for t in tables if isinstance(t, dict) and isinstance(t.get("brand"), str)}
    if brand_key(brand) in {brand_key(name) for name in known}:
        return  # scoring a file needs no store: only asked when umot.toml does not name the brand
    store = sqlite_path(normalize_url(None))
    if store is None or store.exists():
        with session_scope(open_store(None), write=False) as session:
            known |= {b.name for b in crud.list_brands(session)}
    if brand_key(brand) not in {brand_key(name) for name in known}:
        fail(f"--brand {brand!r}: no such brand in {config} or the store (brands: {', '.join(sorted(known)) or 'none yet'})")


def check_model(model: str | None) -> None:
    """A missing, damaged or unknown model costs one line before torch loads (seconds) or a hub is asked."""
    from core.settings import get_settings
    from nlp.model_source import model_source_error

    chosen = model or get_settings().model
    problem = model_source_error(chosen) if chosen else None
    if problem:
        fail(f"cannot load model {model or '(default)'}: {problem}")
