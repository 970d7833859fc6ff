"""``umot.toml``, the one file a person edits: read as plain data to check it, as a tomlkit
document (comments and layout kept) to edit it, and written back atomically.

Each part of the file is parsed by its own module: ``[[sources]]`` by
:mod:`models.sources_config`, ``[[competitors]]`` by :mod:`models.competitors_config`,
``[[themes]]`` by ``nlp.themes.config``. They all edit it through these two functions,
so a hand-written comment survives ``umot sources add`` and a crash never leaves half a file.
Every reader raises the caller's error class with the file's name in the message, so each
part's CLI catches one error and prints one line.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

# The last text parsed per file and its data: a night reads the file once per part
# (sources, competitors, themes, checks), and each read then costs a copy, not a parse.
_parsed: dict[Path, tuple[str, dict[str, Any]]] = {}


class ConfigFileError(ValueError):
    """The file cannot be read as TOML; the message names it."""


def _read_text(path: Path, error: type[ValueError]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:  # TOML is UTF-8 by definition
        raise error(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:  # a folder, no permission
        raise error(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _nul_at(value: Any, where: str) -> str | None:
    """Where in the data a string (or key) holds NUL, written ``sources[1].name``; None when none does."""
    if isinstance(value, str):
        return where if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        inner = f"{where}[{key + 1}]" if isinstance(key, int) else f"{where}.{key}" if where else str(key)
        found = inner if isinstance(key, str) and "\x00" in key else _nul_at(item, inner)
        if found:
            return found.replace("\x00", "\\u0000")
    return None


def _checked(data: dict[str, Any], path: Path, error: type[ValueError]) -> dict[str, Any]:
    """``data``, refused where a string holds NUL: TOML allows ``\\u0000``, PostgreSQL's text does not."""
    where = _nul_at(data, "")
    if where:
        raise error(f"{path}: {where} contains a NUL character (\\u0000)")
    return data


def read_data(path: Path, error: type[ValueError] = ConfigFileError) -> dict[str, Any]:
    """The file as plain dicts and lists (``{}`` when it does not exist); ``error`` when unreadable."""
    if not path.exists():
        return {}
    text = _read_text(path, error)
    cached = _parsed.get(path)
    if cached is not None and cached[0] == text:
        return copy.deepcopy(cached[1])  # callers may change what they get
    try:
        data = _checked(tomllib.loads(text), path, error)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML ({exc})") from None
    _parsed.clear()  # one file is in use at a time; keep no stale texts around
    _parsed[path] = (text, copy.deepcopy(data))
    return data


def read_document(path: Path, error: type[ValueError] = ConfigFileError) -> Any:
    """The file as a tomlkit document (an empty one when it does not exist); ``error`` when unreadable."""
    import tomlkit

    if not path.exists():
        return tomlkit.document()
    text = _read_text(path, error)
    try:
        document = tomlkit.parse(text)
    except Exception as exc:  # tomlkit's parse errors have no common base worth naming
        raise error(f"{path}: not valid TOML ({exc})") from None
    _checked(document.unwrap(), path, error)
    return document


def write_document(path: Path, document: Any, error: type[ValueError] = ConfigFileError) -> None:
    """Write ``document`` through a temporary file and a rename (:func:`core.atomic_file.atomic_write`):
    never a half-written config, and no temporary file left behind when the write fails.

    A symlinked ``umot.toml`` (kept in a dotfiles or deploy folder) is edited where it points,
    the link kept; the file keeps its mode (a 600 file holding webhook secrets stays 600). A file
    that cannot be written (a full disk, a read-only folder) is ``error`` naming it, not an OSError.
    The text is parsed back first: an edit tomlkit renders as invalid TOML is ``error``, the file untouched.
    """
    import tomlkit

    from core.atomic_file import atomic_write

    text = tomlkit.dumps(document)
    try:
        tomllib.loads(text)  # a small file: cheap, and every later read of a broken file would fail
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not written, the edit would make it invalid TOML ({exc})") from None
    try:
        with atomic_write(path) as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise error(f"{path}: cannot write ({exc.strerror or exc})") from None
