"""A real ``umot run`` in a subprocess, crawling a site that never answers: the site, the store and
environment the run starts from, and the processes it leaves behind.

Shared by tests/umot/test_run_kill.py (kill -9) and test_run_sigterm.py (SIGTERM); the fixture
``hanging_site`` is tests/umot/conftest.py's.
"""

from __future__ import annotations

import os
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from tests.local_http import QuietHandler

ROOT = Path(__file__).resolve().parents[2]


class HangingSite(ThreadingHTTPServer):
    """Answers nothing until it is shut down: a crawl of it is under way for as long as the test wants."""

    daemon_threads = True

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.release = threading.Event()
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.asked.set()
                site.release.wait(120)

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


def run_store(tmp_path: Path, site: HangingSite) -> tuple[str, dict[str, str]]:
    """A SQLite store under ``tmp_path`` with one source (Acme/shop, the site), and the environment of a
    ``umot run`` subprocess on it: this checkout importable, data and config under ``tmp_path``, no Prefect
    server named (the run starts its own temporary API)."""
    from models import crud
    from models.db import init_db, session_scope

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    with session_scope(init_db(url)) as session:
        crud.add_source(session, brand="Acme", name="shop", urls=[site.url], spider="schemaorg")
    env = {
        **os.environ, "UMOT_DATA_DIR": str(tmp_path / "data"), "UMOT_CONFIG": str(tmp_path / "none.toml"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    for name in ("PREFECT_API_URL", "PREFECT_HOME"):
        env.pop(name, None)
    return url, env


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process; None once it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rfind(")") + 2:].split()
    return int(fields[1]), fields[0]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(root: int) -> dict[int, str]:
    """Every live process below ``root``: pid -> command line."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            parents[int(entry.name)] = stat[0]
    found, frontier = {}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in found}
        found.update({pid: _cmdline(pid) for pid in frontier})
    return found


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[1] not in ("Z", "X")  # a zombie has ended: only its exit status is left
