"""The nightly flow run in this process, as ``umot run`` and ``umot demo`` run it.

Against a temporary local Prefect API (no server to set up; see
:mod:`flows.prefect_env`), with a progress display on stderr
(:mod:`umot.cli._run_display`); Prefect's own log lines stay out of the
terminal unless verbose, and a failed run ends in one error line; with ``PREFECT_API_URL`` set, a server
that does not answer there is one line before anything starts. It holds the
store's nightly lock (:mod:`flows.night_lock`) from before the API starts, so a
second run on the same store says so at once; SIGTERM and Ctrl-C stop it within
seconds (:mod:`umot.cli._run_stop`; the flow's own thread: :mod:`umot.cli._flow_thread`).
"""

from __future__ import annotations

import os
from typing import Any

import typer
from rich.console import Console

from umot.cli._errors import err_console, fail
from umot.cli._flow_thread import exit_at_shutdown, in_own_thread
from umot.cli._run_progress import ProgressDisplay
from umot.cli._run_stop import Stopped, stop_on_signals


def _prefect_env(verbose: bool) -> None:
    """Offline Prefect settings before prefect is imported; its console quiet unless verbose."""
    from flows.prefect_env import configure_prefect

    configure_prefect()
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def run_nightly(*, verbose: bool, concurrency: int, **params: Any) -> Any:
    """Run the nightly flow with a progress display; exit with a one-line error on failure."""
    from flows.night_lock import NightRunning, night_lock

    _check_prefect_server()
    try:
        with night_lock():
            state = _run(verbose, concurrency, params)
    except NightRunning as busy:
        fail(str(busy), code=1)
    except Stopped as stop:
        err_console.print(f"[bold red]stopped[/] by {stop} while {stop.doing}: what was stored and scored so far is "
                          "kept (an interrupted crawl is read in full next time); run it again to finish",
                          soft_wrap=True, highlight=False)
        exit_at_shutdown(128 + stop.signum)
        raise typer.Exit(128 + stop.signum) from None
    if state.is_completed():
        return state.result()
    from flows.tasks.plan import SourceNotFound

    exc = state.result(raise_on_failure=False)
    if isinstance(exc, NightRunning):  # another night's units still running (flows.night_live_units)
        fail(str(exc), code=1)
    if isinstance(exc, SourceNotFound):
        fail(str(exc).strip("'\""))
    if isinstance(exc, FileNotFoundError):
        fail(f"cannot load the model: {exc}")
    detail = f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else (state.message or state.name)
    fail(f"the nightly run failed: {detail} (reviews stored so far are kept; run it again to finish)", code=1)


def _check_prefect_server() -> None:
    """With ``PREFECT_API_URL`` set the run reports to that server, not a temporary one: if none answers there,
    one line naming it and exit 2 (``umot serve``'s check), rather than three tracebacks from the flow run."""
    if os.environ.get("PREFECT_API_URL", "").strip():
        from umot.cli._prefect_server import connect_prefect

        connect_prefect()


def _run(verbose: bool, concurrency: int, params: dict[str, Any]) -> Any:
    """The flow's final state, run with the progress display; :class:`Stopped` saying what it was doing."""
    _prefect_env(verbose)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from flows import progress as events
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings
    from flows.prefect_typing import thread_pool

    # one thread per crawl process, one for loading the model meanwhile
    flow = nightly.with_options(task_runner=thread_pool(max(1, concurrency) + 1))
    params["crawl_processes"] = concurrency
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=verbose) as bars:
        display = ProgressDisplay(bars)
        try:  # a signal while the API starts (~20 s) stops the run too
            with stop_on_signals(), events.listening(display), local_run_settings():
                state = in_own_thread(lambda: flow(**params, return_state=True))
        except Stopped as stop:
            stop.doing = display.doing
            raise
        display.finish()
    return state
