"""The flow run's thread and the process's end: how ``umot run`` stays able to answer SIGTERM and Ctrl-C.

Prefect sets no SIGTERM handler in a thread of its own, so the flow runs in
one while the main thread waits, free to answer a signal
(:mod:`umot.cli._run_stop`); once stopped, the process ends without waiting
for the flow's task threads. Apart from running the night
(:mod:`umot.cli._nightly_run`): these are about threads and exit, not Prefect.
"""

from __future__ import annotations

import contextvars
import os
import sys
import threading
from collections.abc import Callable
from typing import Any


def in_own_thread(call: Callable[[], Any]) -> Any:
    """``call()`` in a thread of its own (with this one's context: Prefect's settings), waited for here:
    Prefect sets no SIGTERM handler there, and this thread stays free to answer one (:mod:`umot.cli._run_stop`)."""
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()

    def target() -> None:
        try:
            outcome["value"] = context.run(call)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread as it is
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="nightly-flow", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.2)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def exit_at_shutdown(code: int) -> None:
    """End the process as soon as Python starts shutting down, after the callers' ``finally`` blocks (``umot
    demo`` disables its sources): waiting for the left flow's task threads could take minutes."""
    def end() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # the temporary API and any crawl end with the process

    register = getattr(threading, "_register_atexit", None)  # run before the joins (concurrent.futures' too)
    if register is not None:
        register(end)
    else:
        end()
