"""What an SQLite store URL names: a database file (a leading ``~`` the home folder), or memory.

SQLite takes the path after ``sqlite:///`` as written, so ``sqlite:///~/umot.db`` made a
folder named ``~``; umot expands it as UMOT_DATA_DIR's ``~`` is (``models.db_url.normalize_url``).
An in-memory store lives in one connection and is lost when the command ends: a user's URL
that names no file is refused (``models.db_url.check_store_file``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url


def home_expanded(url: str) -> str:
    """``sqlite:///~/umot.db`` in the home folder, as UMOT_DATA_DIR's ``~`` is: SQLite made a folder named ``~``."""
    if "~" not in url:  # the usual case, without parsing the URL again
        return url
    parsed = make_url(url)  # parses: normalize_url checked it first
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database.startswith("~"):
        return url
    return parsed.set(database=str(Path(database).expanduser())).render_as_string(hide_password=False)


def is_sqlite_memory(url: str) -> bool:
    """``sqlite://`` or ``sqlite:///:memory:``: one connection holds the whole database."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def sqlite_path(url: str) -> Path | None:
    """The database file of an SQLite URL (``None`` for in-memory or other dialects)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)
