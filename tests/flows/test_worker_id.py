"""Two processes on one host with one pid (containers sharing the host's network, each its pid 1) were one
worker: a unit that failed dropped the other's in-flight claims (``drop_worker_claims`` goes by this name)."""

from __future__ import annotations

import subprocess
import sys


def test_two_processes_with_the_same_host_and_pid_are_two_workers() -> None:
    code = ("import os, socket; os.getpid = lambda: 1; socket.gethostname = lambda: 'node'; "
            "from flows.heartbeat import worker_id; print(worker_id())")
    ids = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
           for _ in range(2)}
    assert len(ids) == 2 and all(i.startswith("node:1:") for i in ids)
