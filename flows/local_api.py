"""Prefect's temporary local API, started so that it ends with this process, SIGKILL included.

Prefect 3 starts it (``prefect.server.api.server.SubprocessASGIServer``, a
uvicorn subprocess) on the first API call and stops it at interpreter exit; a
``umot run`` killed with SIGKILL never gets there, and the server used to keep
running with nobody to talk to. :func:`start_local_api` starts that same
server itself, from the calling thread (the main thread of ``umot run``),
with the kernel told to kill it when this process ends
(:func:`core.processes.die_with_parent`). Prefect then finds it running and
uses it as if it had started it.
"""

from __future__ import annotations

import subprocess
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core.processes import die_with_parent


class _PopenDyingWithParent(subprocess.Popen):
    """``subprocess.Popen`` whose child is killed when the thread that started it ends."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("preexec_fn", die_with_parent())
        super().__init__(*args, **kwargs)


@contextmanager
def _children_die_with_us(module: types.ModuleType) -> Iterator[None]:
    """For the length of the block, ``module``'s ``subprocess.Popen`` children die with this process."""
    original = module.subprocess
    proxy = types.ModuleType("subprocess")
    proxy.__dict__.update(vars(subprocess))
    proxy.Popen = _PopenDyingWithParent  # type: ignore[attr-defined]
    module.__dict__["subprocess"] = proxy
    try:
        yield
    finally:
        module.__dict__["subprocess"] = original


def start_local_api() -> None:
    """Start the temporary local API now, tied to this process (nothing to do with PREFECT_API_URL set)."""
    from prefect.server.api import server as prefect_server
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return
    server = prefect_server.SubprocessASGIServer()  # the one instance Prefect's client uses too
    if server.running:
        return
    with _children_die_with_us(prefect_server):
        server.start()
