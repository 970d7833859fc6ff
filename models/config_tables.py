"""The ``[[sources]]``-style arrays of tables of ``umot.toml``, as edits find and leave them.

TOML reads ``sources = []`` and an empty ``[[sources]]`` list alike, but tomlkit keeps the
plain array, and a table appended into it writes ``sources = [brand = ...]``: not TOML. So an
edit that takes out the last table takes out the key too, and one that adds a table to an
empty plain array (written by hand, or left by an older umot) puts a real array of tables in
its place. An array of inline tables (``sources = [{...}]``) is refused, naming the file:
umot adds only ``[[...]]`` tables, and rewriting a person's layout is not its call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def table_array(document: Any, key: str, path: Path, error: type[ValueError]) -> Any:
    """The tomlkit array of tables under ``key``, made (at the end of the file) when there is none
    or the key holds an empty plain array; ``error`` naming the file for any other value."""
    import tomlkit
    from tomlkit.items import AoT, Array

    found = document.get(key)
    if isinstance(found, AoT):
        return found
    if isinstance(found, Array) and len(found):
        raise error(f"{path}: '{key}' is an inline array; write each entry as a [[{key}]] table to let umot edit it")
    if found is not None and not isinstance(found, Array):
        raise error(f"{path}: '{key}' must be [[{key}]] tables")
    if found is not None:
        del document[key]  # "key = []": in place, an array of tables would take in the keys after it
    document.append(key, tomlkit.aot())
    return document[key]


def drop_if_empty(document: Any, key: str) -> None:
    """Take ``key`` out of the document when no table is left under it (``key = []`` would be written)."""
    if key in document and not len(document[key]):
        del document[key]
