"""The nightly flow run in this process, as ``umot run`` and ``umot demo`` run it.

Against a temporary local Prefect API (no server to set up; see
:mod:`flows.prefect_env`), with a progress display on stderr
(:mod:`umot.cli._run_display`); Prefect's own log lines stay out of the
terminal unless verbose, and a failed run ends in one error line.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console

from umot.cli._errors import fail
from umot.cli._run_display import ProgressDisplay


def _prefect_env(verbose: bool) -> None:
    """Offline Prefect settings before prefect is imported; its console quiet unless verbose."""
    from flows.prefect_env import configure_prefect

    configure_prefect()
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def run_nightly(*, verbose: bool, concurrency: int, **params: Any) -> Any:
    """Run the nightly flow with a progress display; exit with a one-line error on failure."""
    _prefect_env(verbose)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from flows import progress as events
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings
    from flows.prefect_typing import thread_pool
    from flows.tasks.plan import SourceNotFound

    # one thread per crawl process, one for loading the model meanwhile
    flow = nightly.with_options(task_runner=thread_pool(max(1, concurrency) + 1))
    params["crawl_processes"] = concurrency
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=verbose) as bars:
        display = ProgressDisplay(bars)
        with events.listening(display), local_run_settings():
            state = flow(**params, return_state=True)
        display.finish()
    if state.is_completed():
        return state.result()
    exc = state.result(raise_on_failure=False)
    if isinstance(exc, SourceNotFound):
        fail(str(exc).strip("'\""))
    if isinstance(exc, FileNotFoundError):
        fail(f"cannot load the model: {exc}")
    detail = f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else (state.message or state.name)
    fail(f"the nightly run failed: {detail} (reviews stored so far are kept; run it again to finish)", code=1)
