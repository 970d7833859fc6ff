"""The sync answer of a Prefect call that answers sync or async by context.

Prefect 3 wraps some of its API (``Flow.to_deployment``, ``RunnerDeployment.apply``,
``run_deployment``) in ``async_dispatch``: called inside a running event loop
it returns a coroutine, anywhere else the value itself, so its type is
``T | Coroutine[Any, Any, T]``. umot makes these calls from sync code only.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def called_sync(answer: T | Coroutine[Any, Any, T]) -> T:
    """``answer`` of an ``async_dispatch`` call made outside an event loop; TypeError for a coroutine."""
    if isinstance(answer, Coroutine):
        answer.close()
        raise TypeError("a Prefect call made inside a running event loop returned a coroutine, not its value")
    return answer
