"""Prefect calls whose types say less than what they do here: typed once, in one place.

- ``async_dispatch`` calls (``Flow.to_deployment``, ``RunnerDeployment.apply``,
  ``run_deployment``) return a coroutine inside a running event loop and the value
  anywhere else, so their type is ``T | Coroutine[Any, Any, T]``. umot makes these
  calls from sync code only: :func:`called_sync` narrows them to the value.
- ``task_runner=`` is typed invariantly, so no concrete runner fits it
  (PrefectHQ/prefect#16938): :func:`thread_pool` gives the one runner umot uses, typed
  as the parameter wants.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, TypeVar

from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

T = TypeVar("T")


def called_sync(answer: T | Coroutine[Any, Any, T]) -> T:
    """``answer`` of an ``async_dispatch`` call made outside an event loop; TypeError for a coroutine."""
    if isinstance(answer, Coroutine):
        answer.close()
        raise TypeError("a Prefect call made inside a running event loop returned a coroutine, not its value")
    return answer


def thread_pool(workers: int) -> TaskRunner[PrefectFuture[Any]]:
    """A ``ThreadPoolTaskRunner`` of ``workers`` threads, for ``@flow(task_runner=...)`` and ``with_options``."""
    return ThreadPoolTaskRunner(max_workers=workers)  # type: ignore[return-value]  # PrefectHQ/prefect#16938
