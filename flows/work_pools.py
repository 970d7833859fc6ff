"""The deployments ``umot deploy`` sends to a Prefect work pool, for workers elsewhere to run.

They are the served ones (:mod:`flows.deployments`) plus the ``crawl-shard`` and
``score-shard`` units of a fanned-out night (:mod:`flows.night_units`). A
process worker runs each flow in a new temporary directory, where umot's
relative defaults (``./data``, ``./exports``, ``umot.toml``) would find an
empty store; :func:`flows.worker_env.worker_job_variables` pins them, resolved
where ``umot deploy`` ran, in the deployments' environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from flows.deployments import TAGS, ScheduleConfig, build_deployments
from flows.worker_env import worker_job_variables

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEFAULT_POOL = "umot"


def ensure_process_pool(name: str) -> bool:
    """Create a process work pool called ``name`` unless one exists; True if created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            client.create_work_pool(
                WorkPoolCreate(
                    name=name,
                    type=ProcessWorker.type,
                    base_job_template=ProcessWorker.get_default_base_job_template(),
                    description="umot flow runs in local processes (prefect worker start --pool ...)",
                )
            )
            return True


def pool_deployments(config: ScheduleConfig, *, fan_out: int = 0) -> list[RunnerDeployment]:
    """The deployments ``umot deploy`` sends to a work pool: pinned to this store and export folder.

    With them the ``crawl-shard`` and ``score-shard`` units a nightly run with
    ``fan_out`` > 0 hands to the pool's workers (docs/scaling.md); ``fan_out``
    is the deployed nightly's default.
    """
    from prefect.deployments.runner import EntrypointType

    from flows.night_units import CRAWL_UNIT, SCORE_UNIT, crawl_shard, score_shard
    from flows.prefect_typing import called_sync

    job_variables = worker_job_variables()
    deployments = build_deployments(config, job_variables=job_variables)
    if fan_out:
        deployments[0].parameters = {**deployments[0].parameters, "fan_out": fan_out}
    module_path = EntrypointType.MODULE_PATH
    return [
        *deployments,
        called_sync(crawl_shard.to_deployment(CRAWL_UNIT, description="One shard of a fanned-out night's sources.",
                                              entrypoint_type=module_path, tags=TAGS, job_variables=job_variables)),
        called_sync(score_shard.to_deployment(SCORE_UNIT, description="Score claimed batches of a fanned-out night.",
                                              entrypoint_type=module_path, tags=TAGS, job_variables=job_variables)),
    ]


def deploy_all(config: ScheduleConfig, *, pool: str = DEFAULT_POOL, fan_out: int = 0) -> list[UUID]:
    """Create or update both deployments on work pool ``pool`` (created if missing).

    Nothing is built or pushed: workers import the flows from the installed
    umot package, so install umot wherever ``prefect worker start --pool
    <pool>`` runs. The store (SQLite), data, config and export locations are
    those of this process, as absolute paths (:func:`flows.worker_env.worker_job_variables`);
    a PostgreSQL ``UMOT_DATABASE_URL`` must be set on the workers.
    """
    # Not prefect.deploy(): in 3.8.8 it asks the server for the pool's workers
    # with limit=None, which the server rejects (422). apply() is the part we need.
    from flows.prefect_typing import called_sync

    ensure_process_pool(pool)
    deployments = pool_deployments(config, fan_out=fan_out)
    return [called_sync(deployment.apply(work_pool_name=pool)) for deployment in deployments]
