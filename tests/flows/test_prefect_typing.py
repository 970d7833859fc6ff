"""flows.prefect_sync: a Prefect call's sync answer passes; a coroutine (made inside a loop) is refused."""

import warnings

import pytest

from flows.prefect_sync import called_sync


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
