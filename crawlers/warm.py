"""A crawl process started ahead of time: it imports Scrapy while its caller plans.

A crawl process spends ~0.7 s of CPU importing Python, Twisted and Scrapy
before it reads its jobs: most of what a crawl with nothing new costs. The
nightly flow starts one as it begins (:func:`warm_up`), so those imports
overlap its planning (store queries, Prefect bookkeeping); ``run_crawls``
hands its jobs to it on stdin (:func:`take`), or starts a process itself when
there is none. One left unused is stopped by :func:`cool_down` (the flow calls
it when it ends, and so does the interpreter at exit).
"""

from __future__ import annotations

import atexit
import logging
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from core.processes import die_with_parent
from crawlers.process import crawl_env

logger = logging.getLogger(__name__)


@dataclass
class WarmProcess:
    """A ``python -m crawlers.batch -`` waiting for its jobs (JSON on stdin); output to ``log``."""

    proc: subprocess.Popen
    log: Path
    env: dict[str, str]  # what it was started with: a caller with another environment starts its own

    def run(self, jobs_json: str, timeout: float | None) -> int | None:
        """Hand the jobs over and wait; the exit code, or None if it ran past ``timeout``."""
        try:
            self.proc.communicate(jobs_json.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.log.parent, ignore_errors=True)


_lock = threading.Lock()
_warm: WarmProcess | None = None


def warm_up() -> None:
    """Start a crawl process for the next ``run_crawls`` of this process (one at a time)."""
    global _warm
    env = crawl_env()
    with _lock:
        if _warm is not None and _warm.proc.poll() is None and _warm.env == env:
            return
        stale, _warm = _warm, None
    if stale is not None:
        stale.close()
    log = Path(tempfile.mkdtemp(prefix="umot-warm-")) / "crawl.log"
    with open(log, "w", encoding="utf-8") as out:
        # killed with its parent (see crawlers.process): start it from a thread that outlives it
        proc = subprocess.Popen([sys.executable, "-m", "crawlers.batch", "-"], stdin=subprocess.PIPE,
                                stdout=out, stderr=subprocess.STDOUT, env=env, preexec_fn=die_with_parent())
    with _lock:
        stale, _warm = _warm, WarmProcess(proc, log, env)
    if stale is not None:
        stale.close()


def take() -> WarmProcess | None:
    """The waiting process, now the caller's (None if there is none, it died, or the
    environment changed since it started)."""
    global _warm
    with _lock:
        warm, _warm = _warm, None
    if warm is not None and (warm.proc.poll() is not None or warm.env != crawl_env()):
        warm.close()
        return None
    return warm


def cool_down() -> None:
    """Stop a waiting process nobody took."""
    warm = take()
    if warm is not None:
        warm.close()


atexit.register(cool_down)
