"""``umot serve`` after ``umot deploy``: the deployments keep their work pool, so they keep the pinned store too.

Under a real server, serving after deploying left both deployments on the pool with no job variables: a worker
still running there took the served night and ran it in a temporary folder, against a new empty store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from flows.deployments import ScheduleConfig

pytestmark = pytest.mark.usefixtures("prefect_harness")
POOL = "umot-serve-after-deploy"
NAMES = ("nightly/nightly", "weekly-export/weekly-export")


@pytest.fixture
def deployed(store: str) -> Iterator[ScheduleConfig]:
    """Both deployments on a work pool, as ``umot deploy`` leaves them; removed after the test."""
    from prefect.client.orchestration import get_client

    from flows.work_pools import deploy_all

    config = ScheduleConfig()
    ids = deploy_all(config, pool=POOL)
    yield config
    with get_client(sync_client=True) as client:
        for deployment_id in ids:
            client.delete_deployment(deployment_id)
        client.delete_work_pool(POOL)


def test_served_deployments_keep_the_pinned_store_a_pool_worker_needs(
        deployed: ScheduleConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.client.orchestration import get_client

    import flows.serving
    from flows.deployed_store import STORE_MARKER
    from flows.deployments import serve_all
    from flows.worker_env import worker_job_variables

    async def registered_only(self: Any, **kwargs: Any) -> None:  # register, then stop at once
        return None

    monkeypatch.setattr(flows.serving._StopOnSigterm, "start", registered_only)
    monkeypatch.setattr(flows.serving.signal, "signal", lambda *a: None)
    serve_all(deployed)
    pinned = worker_job_variables()["env"]
    with get_client(sync_client=True) as client:
        for name in NAMES:
            served = client.read_deployment_by_name(name)
            assert served.work_pool_name == POOL  # Prefect keeps the pool: a worker there may take the run
            assert served.job_variables["env"] == pinned and STORE_MARKER in served.job_variables["env"]


def test_umot_serve_warns_in_one_line_per_deployment_on_a_pool(
        deployed: ScheduleConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.deployments
    from umot.cli import app, serve

    served: list[ScheduleConfig] = []
    monkeypatch.setattr(serve, "use_prefect_server", lambda: None)
    monkeypatch.setattr(serve, "connect_prefect", lambda: "http://harness/api")
    monkeypatch.setattr(flows.deployments, "serve_all", lambda config, **kw: served.append(config))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0 and len(served) == 1, result.output
    warned = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warned == [f"warning: deployment {name} sits on work pool {POOL!r} (from `umot deploy`): a worker of that "
                      "pool may take its runs too (they use this store, or fail saying so: docs/deployments.md)"
                      for name in NAMES]


def test_a_plain_serve_registers_without_a_pool_and_twice(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """No `umot deploy` before: Prefect refuses job variables when a deployment without a pool is registered, so
    they are set just after; serving again (a restart) registers and sets them again."""
    from prefect.client.orchestration import get_client

    import flows.serving
    from flows.deployments import pooled_deployments, serve_all

    async def registered_only(self: Any, **kwargs: Any) -> None:
        return None

    monkeypatch.setattr(flows.serving._StopOnSigterm, "start", registered_only)
    monkeypatch.setattr(flows.serving.signal, "signal", lambda *a: None)
    for _ in range(2):
        serve_all(ScheduleConfig())
    assert pooled_deployments() == {}  # nothing to warn about
    with get_client(sync_client=True) as client:
        for name in NAMES:
            served = client.read_deployment_by_name(name)
            assert served.work_pool_name is None and "UMOT_DEPLOYED_STORE" in served.job_variables["env"]
            client.delete_deployment(served.id)
