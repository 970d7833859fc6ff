"""flows.prefect_typing: a Prefect call's sync answer passes; a coroutine (made inside a loop) is refused."""

import warnings

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from flows.prefect_typing import called_sync, thread_pool


def test_a_value_passes_through() -> None:
    answer = ["deployment"]
    assert called_sync(answer) is answer


def test_a_coroutine_is_refused_and_closed() -> None:
    async def deploy() -> str:
        return "id"

    pending = deploy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "coroutine ... was never awaited" would fail the test
        with pytest.raises(TypeError, match="inside a running event loop"):
            called_sync(pending)
    assert pending.cr_frame is None  # closed: it can never run


def test_thread_pool_is_a_thread_pool_of_that_many_workers() -> None:
    runner = thread_pool(3)
    assert isinstance(runner, ThreadPoolTaskRunner)
    assert runner._max_workers == 3
