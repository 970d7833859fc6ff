"""Brand themes in ``umot.toml``: read, add, remove (comments and the rest of the file kept).

Each brand theme is one ``[[themes]]`` table::

    [[themes]]
    brand = "Acme"
    name = "loyalty_card"
    description = "the Acme Plus card: points, rewards, member prices"
    examples = ["loyalty card", "reward points", "member price"]

They take effect on the next detection run: no retraining. Every read validates
the whole file, so a broken definition stops a run with one line naming the
file, the theme and what is wrong, before anything is stored. A description and
each example are one line. A brand is named as everywhere (``models.crud.brands``):
"acme" here is the stored brand "Acme".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.config_file import read_data, read_document, write_document  # umot.toml, comments kept, written atomically
from models.config_tables import table_array
from models.identity import brand_key  # brand names match as in the store: any case, Unicode form
from nlp.themes.brand import ThemeDefinitionError, validate
from nlp.themes.catalog import Theme

TABLE = "themes"


def _parse(table: Any, where: str) -> tuple[str, Theme]:
    if not isinstance(table, dict):
        raise ThemeDefinitionError(f"{where}: each [[{TABLE}]] entry must be a table")
    unknown = set(table) - {"brand", "name", "description", "examples"}
    if unknown:
        raise ThemeDefinitionError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    brand, examples = table.get("brand"), table.get("examples", [])
    if not isinstance(brand, str) or not brand.strip():
        raise ThemeDefinitionError(f"{where}: 'brand' must be a non-empty string")
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise ThemeDefinitionError(f"{where}: 'examples' must be a list of strings")
    name, description = table.get("name", ""), table.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise ThemeDefinitionError(f"{where}: 'name' and 'description' must be strings")
    return brand.strip(), Theme(name.strip(), description.strip(), tuple(e.strip() for e in examples), brand=True)


def load_all(path: Path) -> dict[str, list[Theme]]:
    """Brand -> its themes, every definition checked (a brand spelt two ways in the file is one brand,
    under the spelling it has first)."""
    return _themes_in(read_data(path, ThemeDefinitionError), path)


def _themes_in(data: dict[str, Any], path: Path) -> dict[str, list[Theme]]:
    tables = data.get(TABLE, [])
    if not isinstance(tables, list):
        raise ThemeDefinitionError(f"{path}: '{TABLE}' must be an array of tables ([[{TABLE}]])")
    by_brand: dict[str, list[Theme]] = {}
    for i, table in enumerate(tables, 1):
        brand, theme = _parse(table, f"{path}: [[{TABLE}]] #{i}")
        by_brand.setdefault(_spelling(by_brand, brand), []).append(theme)
    for brand, themes in by_brand.items():
        _check(themes, f"{path}: brand {brand!r}")
    return by_brand


def _spelling(by_brand: dict[str, Any], brand: str) -> str:
    """The key ``by_brand`` already has for ``brand`` (the same brand under the store's naming rule), else ``brand``."""
    key = brand_key(brand)
    return next((known for known in by_brand if brand_key(known) == key), brand)


def _check(themes: list[Theme], where: str) -> None:
    """:func:`validate`, and each description and example on one line (``themes list`` prints them so)."""
    validate(themes, where)
    for theme in themes:
        for what, text in (("description", theme.description), *(("example", e) for e in theme.examples)):
            if len(text.splitlines()) > 1:
                raise ThemeDefinitionError(f"{where}: theme {theme.name!r}: {what} {text[:30]!r} must be one line")


def themes_of(found: dict[str, list[Theme]], brand: str) -> list[Theme]:
    """``brand``'s themes in ``load_all``'s answer, its name matched as the store matches it (any case)."""
    return found.get(_spelling(found, brand.strip()), [])


def brand_themes(path: Path, brand: str) -> list[Theme]:
    return themes_of(load_all(path), brand)


def check_theme(path: Path, brand: str, theme: Theme, document: Any = None) -> None:
    """Raise :class:`ThemeDefinitionError` unless ``theme`` can join the file's themes of ``brand``."""
    document = read_document(path, ThemeDefinitionError) if document is None else document
    existing = themes_of(_themes_in(document.unwrap(), path), brand)  # parsed once, checked whole
    _check([*existing, theme], f"{path}: brand {brand!r}")


def add_theme(path: Path, brand: str, theme: Theme) -> None:
    """Append a theme after checking it against the brand's others; the file is left as it was on error."""
    import tomlkit

    document = read_document(path, ThemeDefinitionError)
    check_theme(path, brand, theme, document)
    tables = table_array(document, TABLE, path, ThemeDefinitionError)  # "themes = []" by hand: made tables
    entry = tomlkit.table()
    entry.update({"brand": brand, "name": theme.name, "description": theme.description,
                  "examples": list(theme.examples)})
    tables.append(entry)
    write_document(path, document)


def remove_theme(path: Path, brand: str, name: str) -> bool:
    """Remove a brand's theme; False when the file has no such theme."""
    document = read_document(path, ThemeDefinitionError)
    _themes_in(document.unwrap(), path)  # refuse to edit a file whose themes do not check
    tables = document.get(TABLE, [])
    key = brand_key(brand)
    matches = [i for i, t in enumerate(tables) if brand_key(str(t.get("brand"))) == key and t.get("name") == name]
    if not matches:
        return False
    for i in reversed(matches):
        del tables[i]
    if not len(tables):
        del document[TABLE]
    write_document(path, document)
    return True
