"""Serve deployments from this process until Ctrl-C or SIGTERM, and stop cleanly on either.

``prefect.serve`` answers SIGTERM (what systemd, Docker and ``kill`` send)
by calling ``Runner.stop()`` from the signal handler while its event loop is
running: that only creates the ``Runner.astop`` coroutine (never awaited,
Python warns) and ``sys.exit`` then unwinds the loop from wherever it was. Here
SIGTERM does what Ctrl-C does instead: it cancels the main task, the runner
leaves its ``async with`` and the process exits 0. Prefect's own pause on
shutdown is skipped by a stop that lands while the runner is still entering
its ``async with`` (a loaded machine, a quick ``kill``), so ``start`` pauses
the schedules itself when asked, in every case, with a client of its own.
Prefect 3.8.8 refuses job variables on a deployment without a work pool, yet a
deployment ``umot deploy`` put on a pool keeps it when served: the runner sets
the pinned ones (:func:`flows.worker_env.worker_job_variables`) once registered,
so a worker that still takes its runs uses this store or fails saying so.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from prefect.deployments.runner import RunnerDeployment
from prefect.runner import Runner

log = logging.getLogger(__name__)


class _StopOnSigterm(Runner):
    """A Runner whose SIGTERM handler cancels its main task, as asyncio does for Ctrl-C.

    It pauses the schedules on the way out itself (``pause_on_shutdown``), through a client of
    its own, so that the pause also happens when the stop lands before Prefect's runner is up
    (its own pause runs only when its ``async with`` is left, with a client that may never have
    opened).
    """

    _main_task: asyncio.Task | None = None
    _main_loop: asyncio.AbstractEventLoop | None = None
    _stop_requested = False  # SIGTERM before start() ran: it stops at once

    def __init__(self, *, pause_on_shutdown: bool = True, job_variables: dict[str, Any] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(pause_on_shutdown=False, **kwargs)  # start() pauses, in every case
        self.pause_when_stopped = pause_on_shutdown
        self.job_variables = job_variables or {}
        self.served_ids: list[UUID] = []

    async def aadd_deployment(self, deployment: RunnerDeployment) -> UUID:
        deployment_id = await super().aadd_deployment(deployment)
        self.served_ids.append(deployment_id)
        if self.job_variables:  # set after registering: Prefect refuses them on a deployment without a pool
            from prefect.client.orchestration import get_client
            from prefect.client.schemas.actions import DeploymentUpdate

            async with get_client() as client:
                await client.update_deployment(deployment_id, DeploymentUpdate(job_variables=self.job_variables))
        return deployment_id

    async def start(self, run_once: bool = False, webserver: bool | None = None) -> None:
        self._main_task, self._main_loop = asyncio.current_task(), asyncio.get_running_loop()
        try:
            if not self._stop_requested:
                await super().start(run_once=run_once, webserver=webserver)
        finally:
            if self.pause_when_stopped:
                await self._pause_served()

    async def _pause_served(self) -> None:
        from prefect.client.orchestration import get_client

        async with get_client() as client:
            for deployment_id in self.served_ids:
                await client.pause_deployment(deployment_id)
        self._logger.info("Paused the schedules of %d deployment(s).", len(self.served_ids))

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        self._logger.info("SIGTERM received, shutting down...")
        if self._main_task is None or self._main_loop is None:
            self._stop_requested = True  # not started yet: start() pauses (when asked) and returns
            return
        self._main_task.cancel()
        self._main_loop.call_soon_threadsafe(lambda: None)  # wake the loop if it sleeps in select()


def serve_until_stopped(deployments: Sequence[Any], *, limit: int | None, pause_on_shutdown: bool,
                        job_variables: dict[str, Any] | None = None) -> None:
    """Register ``deployments`` (with ``job_variables``, for a worker of a pool they sit on) and run their flow
    runs here until Ctrl-C or SIGTERM."""
    runner = _StopOnSigterm(limit=limit, pause_on_shutdown=pause_on_shutdown, job_variables=job_variables)
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
