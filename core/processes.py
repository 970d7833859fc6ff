"""Processes that end with the one that started them, and which process owns a crawl run.

``umot run`` starts a crawl process and a temporary Prefect API. When it is
killed, SIGKILL included, nothing of it may keep running: each child asks the
kernel to kill it when its parent goes (Linux ``PR_SET_PDEATHSIG``, set by
:func:`die_with_parent` between fork and exec). A crawl run row names the
process that opened it (:func:`process_identity`), so the next run can tell a
run whose process is gone (:func:`process_alive`) and close it as failed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets SIGKILL when its parent dies.

    The kernel sends it when the *thread* that started the child ends, so use
    it from a thread that outlives the child (the main thread, or one that
    waits for the child). None where the kernel has no such call (not Linux):
    children there outlive a killed parent, as before.
    """
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def arm() -> None:  # runs in the child, between fork and exec
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the call: no signal would come
            os.kill(os.getpid(), signal.SIGKILL)

    return arm


@lru_cache(maxsize=1)
def _boot_id() -> str:
    """This boot of this machine (pids and start times repeat after a reboot)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()[:8]
    except OSError:
        return "-"


def _start_ticks(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot): tells it apart from a later process with its pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()  # after "pid (command) "
    if fields[0] in ("Z", "X"):  # a zombie has ended; only its exit status is left
        return None
    return fields[19]


def process_identity(pid: int | None = None) -> str:
    """``host:pid:boot.start`` of a running process (this one by default), at most ~120 chars."""
    pid = os.getpid() if pid is None else pid
    start = _start_ticks(pid) if Path("/proc").is_dir() else None
    return f"{socket.gethostname()[:64]}:{pid}:{_boot_id()}.{start or '-'}"


def process_alive(identity: str) -> bool | None:
    """Is the process :func:`process_identity` named still running? None: unknown (another machine)."""
    try:
        host, pid_text, _ = identity.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return None
    if host != socket.gethostname()[:64]:
        return None
    if Path("/proc").is_dir():
        now = process_identity(pid)
        return now == identity and not now.endswith(".-")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
