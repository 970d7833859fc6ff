"""``kill -9`` of ``umot run`` during the crawl: its crawl process and the temporary
Prefect API die with it, and the next run closes the crawl run it left ``running``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")]
ROOT = Path(__file__).resolve().parents[2]


class HangingSite(ThreadingHTTPServer):
    """Answers nothing until it is shut down: a crawl of it is under way for as long as the test wants."""

    daemon_threads = True

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.asked.set()
                site.release.wait(120)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


@pytest.fixture
def hanging_site() -> Iterator[HangingSite]:
    site = HangingSite()
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield site
    site.release.set()
    site.shutdown()
    site.server_close()


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


def test_kill_9_during_the_crawl_leaves_no_process_and_the_next_run_closes_its_crawl_run(
    hanging_site: HangingSite, tmp_path: Path
) -> None:
    from crawlers.runner import run_crawl
    from models import crud
    from models.crud.crawl_runs import ABANDONED
    from models.db import init_db, session_scope

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    with session_scope(init_db(url)) as session:
        crud.add_source(session, brand="Acme", name="shop", urls=[hanging_site.url], spider="schemaorg")
    env = {
        **os.environ, "UMOT_DATA_DIR": str(tmp_path / "data"), "UMOT_CONFIG": str(tmp_path / "none.toml"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    for name in ("PREFECT_API_URL", "PREFECT_HOME"):
        env.pop(name, None)
    run = subprocess.Popen(
        [sys.executable, "-c", "from umot.cli import app; app()", "run", "--database-url", url, "--retries", "0",
         "--no-notify", "-s", "DOWNLOAD_TIMEOUT=300"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
    )
    try:
        assert hanging_site.asked.wait(180), "the crawl never reached the site"
        time.sleep(0.5)
        children = descendants(run.pid)
        assert any("crawlers.batch" in cmd for cmd in children.values()), children
        assert any("uvicorn" in cmd and "prefect" in cmd for cmd in children.values()), children
        killed_at = time.monotonic()
        run.send_signal(signal.SIGKILL)
        run.wait()
        while any(alive(pid) for pid in children) and time.monotonic() - killed_at < 10:
            time.sleep(0.05)
        gone_after = time.monotonic() - killed_at
        left = {pid: cmd for pid, cmd in children.items() if alive(pid)}
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    for pid in left:  # leave nothing behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running 10 s after kill -9: {left}"
    print(f"\nevery child of the killed umot run ended {gone_after:.2f} s after kill -9: {sorted(children.values())}")

    with session_scope(init_db(url), write=False) as session:
        assert [r.status for r in crud.list_crawl_runs(session)] == ["running"]
    # the next run (any crawl into this store) closes it before it starts its own
    run_crawl("schemaorg", ["http://127.0.0.1:9/"], brand="Acme", database_url=url,
              settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0})
    with session_scope(init_db(url), write=False) as session:
        runs = crud.list_crawl_runs(session)
    assert [(r.status, r.error_message) for r in runs][-1] == ("failed", ABANDONED)
