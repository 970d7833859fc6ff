"""``umot.toml``, the one file a person edits: read as a tomlkit document (comments and
layout kept) and written back atomically.

Each part of the file is parsed by its own module: ``[[sources]]`` by
:mod:`models.sources_config`, ``[[competitors]]`` by :mod:`models.competitors_config`,
``[[themes]]`` by ``nlp.themes.config``. They all edit it through these two functions,
so a hand-written comment survives ``umot sources add`` and a crash never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ConfigFileError(ValueError):
    """The file cannot be read as TOML; the message names it."""


def read_document(path: Path, error: type[ValueError] = ConfigFileError) -> Any:
    """The file as a tomlkit document (an empty one when it does not exist); ``error`` on bad TOML."""
    import tomlkit

    if not path.exists():
        return tomlkit.document()
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except Exception as exc:  # tomlkit's parse errors have no common base worth naming
        raise error(f"{path}: not valid TOML ({exc})") from None


def write_document(path: Path, document: Any) -> None:
    """Write ``document`` through a temporary file and a rename: never a half-written config."""
    import tomlkit

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    text = tomlkit.dumps(document)
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    tmp.replace(path)
