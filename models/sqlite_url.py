"""What an SQLite store URL names: a database file (a leading ``~`` the home folder), or memory.

SQLite takes the path after ``sqlite:///`` as written, so ``sqlite:///~/umot.db`` made a
folder named ``~``; umot expands it as UMOT_DATA_DIR's ``~`` is (``models.db_url.normalize_url``).
With ``?uri=true`` pysqlite hands SQLite the path as a URI (``sqlite:///file:/srv/umot.db?mode=ro&uri=true``,
https://www.sqlite.org/uri.html): the file is the URI's path, so the migration lock and every
command's "is it there" look beside the file SQLite opens, not under a folder named ``file:``.
An in-memory store lives in one connection and is lost when the command ends: a user's URL
that names no file is refused (``models.db_url.check_store_file``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.util import asbool


def home_expanded(url: str) -> str:
    """``sqlite:///~/umot.db`` in the home folder, as UMOT_DATA_DIR's ``~`` is: SQLite made a folder named ``~``."""
    if "~" not in url:  # the usual case, without parsing the URL again
        return url
    parsed = make_url(url)  # parses: normalize_url checked it first
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database.startswith("~"):
        return url
    return parsed.set(database=str(Path(database).expanduser())).render_as_string(hide_password=False)


def _option(parsed: URL, name: str) -> bool:
    """A yes/no query option as pysqlite reads it; one that is neither is no (``models.db`` refuses it)."""
    try:
        return bool(asbool(parsed.query.get(name, False)))
    except ValueError:
        return False


def _file_of(parsed: URL) -> str:
    """The file SQLite opens for an SQLite URL's database: with ``?uri=true`` a ``file:`` URI's path,
    percent-decoded, without its ``//`` authority or ``#`` fragment; else the database as written."""
    database = parsed.database or ""
    if not _option(parsed, "uri") or database[:5].lower() != "file:":
        return database
    rest = database[5:].partition("#")[0]
    if rest.startswith("//"):  # file://localhost/srv/umot.db or file:///srv/umot.db
        rest = "/" + rest[2:].partition("/")[2]
    return unquote(rest)


def _in_memory(parsed: URL) -> bool:
    memory_mode = _option(parsed, "uri") and parsed.query.get("mode") == "memory"
    return memory_mode or _file_of(parsed) in ("", ":memory:")


def is_sqlite_memory(url: str) -> bool:
    """``sqlite://``, ``sqlite:///:memory:``, or a URI of no file or ``mode=memory``: one connection holds it."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and _in_memory(parsed)


def sqlite_path(url: str) -> Path | None:
    """The database file of an SQLite URL (``None`` for in-memory or other dialects)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or _in_memory(parsed):
        return None
    return Path(_file_of(parsed))


def is_sqlite_read_only(url: str) -> bool:
    """An SQLite URI opened ``mode=ro`` or ``immutable=1``: its connections may not switch the file to WAL."""
    parsed = make_url(url)
    uri = parsed.get_backend_name() == "sqlite" and _option(parsed, "uri")
    return uri and (parsed.query.get("mode") == "ro" or _option(parsed, "immutable"))
