"""Serve deployments from this process until Ctrl-C or SIGTERM, and stop cleanly on either.

``prefect.serve`` answers SIGTERM (what systemd, Docker and ``kill`` send)
by calling ``Runner.stop()`` from the signal handler while its event loop is
running: that only creates the ``Runner.astop`` coroutine (never awaited,
Python warns) and ``sys.exit`` then unwinds the loop from wherever it was. Here
SIGTERM does what Ctrl-C does instead: it cancels the main task, the runner
leaves its ``async with`` (pausing schedules when asked) and the process
exits 0. A stop that lands while the runner is still entering its ``async
with`` (a loaded machine, a quick ``kill``) skips Prefect's own pause, so
``start`` pauses the schedules itself when asked and Prefect did not.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Sequence
from typing import Any

from prefect.runner import Runner

log = logging.getLogger(__name__)


class _StopOnSigterm(Runner):
    """A Runner whose SIGTERM handler cancels its main task, as asyncio does for Ctrl-C."""

    _main_task: asyncio.Task | None = None
    _main_loop: asyncio.AbstractEventLoop | None = None

    _paused = False
    _stop_requested = False  # SIGTERM before start() ran: it stops at once

    async def start(self, run_once: bool = False, webserver: bool | None = None) -> None:
        self._main_task, self._main_loop = asyncio.current_task(), asyncio.get_running_loop()
        try:
            if not self._stop_requested:
                await super().start(run_once=run_once, webserver=webserver)
        finally:
            if self.pause_on_shutdown and not self._paused:  # stopped before the runner was up
                await self._pause_with_own_client()

    async def _pause_schedules(self) -> None:
        await super()._pause_schedules()
        self._paused = True

    async def _pause_with_own_client(self) -> None:
        """Prefect's pause, through a client of our own (the runner's may never have opened)."""
        from prefect.client.orchestration import get_client

        async with get_client() as client:
            for deployment_id in self._deployment_registry.get_deployment_ids():
                await client.pause_deployment(deployment_id)
        self._paused = True
        self._logger.info("All deployments have been paused!")

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        self._logger.info("SIGTERM received, shutting down...")
        if self._main_task is None or self._main_loop is None:
            self._stop_requested = True  # not started yet: start() pauses (when asked) and returns
            return
        self._main_task.cancel()
        self._main_loop.call_soon_threadsafe(lambda: None)  # wake the loop if it sleeps in select()


def serve_until_stopped(deployments: Sequence[Any], *, limit: int | None, pause_on_shutdown: bool) -> None:
    """Register ``deployments`` and run their flow runs here until Ctrl-C or SIGTERM."""
    runner = _StopOnSigterm(limit=limit, pause_on_shutdown=pause_on_shutdown)
    for deployment in deployments:
        runner.add_deployment(deployment)
    if threading.current_thread() is threading.main_thread():  # from the first "being served" line on
        signal.signal(signal.SIGTERM, runner.handle_sigterm)
    try:  # Prefect's own "being served" table, as `prefect.serve` prints it
        from prefect.flows import _display_serve_start_message
    except ImportError:
        pass
    else:
        _display_serve_start_message(*deployments)
    try:
        asyncio.run(runner.start())
    except (KeyboardInterrupt, asyncio.CancelledError) as exc:
        log.info("received %s, stopped", type(exc).__name__)
