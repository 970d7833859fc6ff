"""SIGTERM stops ``umot run`` as Ctrl-C does: within seconds, crawl and temporary API included, in one line.

Before, a SIGTERM during the crawl was turned by Prefect into an exception that waited
for the crawl (and its retries) to finish: ~135 s later the run exited 143 with no word.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.umot.umot_run import HangingSite, alive, descendants, run_store
from umot.cli import _flow_thread, _run_stop


def _signal_soon(sig: int, delay: float = 0.3) -> None:
    threading.Timer(delay, os.kill, (os.getpid(), sig)).start()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_wait_marks_this_process_crawls_stopped_and_restores_the_handlers(
    sig: int, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import crud
    from models.db import session_scope
    from models.tables import CrawlRun

    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    monkeypatch.setattr(_run_stop, "GRACE", 0.5)
    with session_scope() as session:
        brand = crud.get_or_create_brand(session, "Acme")
        run_id = crud.start_crawl_run(session, brand_id=brand.id, source_id=None, spider="schemaorg").id
    crawl = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "crawlers.batch"])
    before = signal.getsignal(sig)
    flow_ended = threading.Event()
    _signal_soon(sig)
    started = time.monotonic()
    with pytest.raises(_run_stop.Stopped) as stopped, _run_stop.stop_on_signals():
        _flow_thread.in_own_thread(lambda: flow_ended.wait(60))
    assert stopped.value.signum == sig and str(stopped.value) == signal.Signals(sig).name
    assert time.monotonic() - started < 5
    assert crawl.wait(5) == -signal.SIGTERM  # the crawl process was told to stop
    assert signal.getsignal(sig) is before
    with session_scope(write=False) as session:
        run = session.get(CrawlRun, run_id)
        assert (run.status, run.error_message) == ("failed", _run_stop.STOPPED)
    flow_ended.set()


def test_the_flow_thread_result_or_error_comes_back_as_it_was() -> None:
    assert _flow_thread.in_own_thread(lambda: 42) == 42
    with pytest.raises(KeyError), _run_stop.stop_on_signals():
        _flow_thread.in_own_thread(lambda: {}["x"])


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigterm_during_the_crawl_stops_everything_within_seconds_in_one_line(hanging_site: HangingSite,
                                                                               tmp_path: Path) -> None:
    from models import crud
    from models.db import init_db, session_scope

    url, env = run_store(tmp_path, hanging_site)
    run = subprocess.Popen(  # the retries would keep a crawl going for minutes after the signal
        [sys.executable, "-c", "from umot.cli import app; app()", "run", "--database-url", url, "--no-notify",
         "-s", "DOWNLOAD_TIMEOUT=300"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )
    try:
        assert hanging_site.asked.wait(180), "the crawl never reached the site"
        time.sleep(0.5)
        children = descendants(run.pid)
        assert any("crawlers.batch" in cmd for cmd in children.values()), children
        stopped_at = time.monotonic()
        run.send_signal(signal.SIGTERM)
        out, err = run.communicate(timeout=30)
        took = time.monotonic() - stopped_at
        while any(alive(pid) for pid in children) and time.monotonic() - stopped_at < 40:
            time.sleep(0.05)
        left = {pid: cmd for pid, cmd in children.items() if alive(pid)}
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running after SIGTERM: {left}"
    assert run.returncode == 128 + signal.SIGTERM and took < 15, (run.returncode, took, err[-2000:])
    assert err.strip().splitlines()[-1].startswith("stopped by SIGTERM while crawling: what was stored")
    assert "Traceback" not in err and out == ""
    with session_scope(init_db(url), write=False) as session:
        [crawl_run] = crud.list_crawl_runs(session)
    assert crawl_run.status == "failed" and crawl_run.error_message.startswith(_run_stop.STOPPED)


def test_a_run_stopped_while_a_crawl_runs_was_crawling_even_if_scoring_spoke_last() -> None:
    """Scoring runs beside the crawl: a stop then read "while scoring" (flaky under load in CI)."""
    from rich.progress import Progress

    from flows.progress import ProgressEvent
    from umot.cli._run_progress import ProgressDisplay

    display = ProgressDisplay(Progress(disable=True))
    display(ProgressEvent("crawl", "crawl", "1 source", total=1))
    display(ProgressEvent("score", "score", "loading the model"))
    assert display.doing == "crawling"
    display(ProgressEvent("crawl", "Acme/shop", "done", done=True))
    display(ProgressEvent("score", "score", "12 reviews", advance=12))
    assert display.doing == "scoring"
