"""What in ``umot.toml`` a night could not use, one line each, for its report and console.

A hand edit gone wrong must not stop the night: the plan task crawls the sources
already stored when the file's ``[[sources]]`` do not check, and the themes task
skips the theme reading when its ``[[themes]]`` do not. Both log it, but nobody
reads a scheduled run's log in the morning; these lines go where people look, the
nightly report and ``umot run``'s summary. A table name the file does not know
(``[[source]]`` for ``[[sources]]``) would be skipped in silence, so it is named too.
"""

from __future__ import annotations

from pathlib import Path

from models.competitors_config import TABLE as COMPETITORS
from models.config_file import ConfigFileError, read_data
from nlp.themes.config import TABLE as THEMES

SOURCES = "sources"
KNOWN_TABLES = (COMPETITORS, SOURCES, THEMES)


def unreadable(path: Path) -> str | None:
    """The file's own problem (not valid TOML, not readable), None when it reads; nothing in it is used then."""
    try:
        read_data(path)
    except ConfigFileError as exc:
        return f"{exc}: nothing in it was used this run; the sources already stored were crawled"
    return None


def unknown_tables(path: Path) -> list[str]:
    """A line for each top-level name umot does not read (a typo there would be skipped in silence)."""
    data = read_data(path)
    known = ", ".join(f"[[{name}]]" for name in KNOWN_TABLES)
    return [f"{path}: {name!r} is not read by umot (it reads {known}); check its spelling"
            for name in data if name not in KNOWN_TABLES]


def theme_problem(path: Path) -> str | None:
    """Why the file's themes cannot be read (the run then reads no themes or stages), None when they can."""
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import load_all

    try:
        load_all(path)
    except ThemeDefinitionError as exc:
        return f"themes and journey stages not read this run: {exc}"
    return None
