"""``kill -9`` of ``umot run`` during the crawl: its crawl process and the temporary
Prefect API die with it, and the next run closes the crawl run it left ``running``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.umot.umot_run import HangingSite, alive, descendants, run_store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")]
def test_kill_9_during_the_crawl_leaves_no_process_and_the_next_run_closes_its_crawl_run(
    hanging_site: HangingSite, tmp_path: Path
) -> None:
    from crawlers.runner import run_crawl
    from models import crud
    from models.crud.crawl_runs import ABANDONED
    from models.db import init_db, session_scope

    url, env = run_store(tmp_path, hanging_site)
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
