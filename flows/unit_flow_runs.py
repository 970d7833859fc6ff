"""What Prefect says of a fanned-out unit's flow run: whether it will ever do its unit, and marking it dead.

The store's ``NightShard`` row says whether a unit's worker still beats; only
Prefect knows a flow run that ended, or that a worker took and died starting.
Kept apart from the parent's loop (:mod:`flows.fanout`), which reads the store
and decides; these are its only calls to the Prefect API besides starting units.
"""

from __future__ import annotations

from datetime import UTC

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def mark_crashed(flow_run_id: str, message: str) -> None:
    """Say in the UI that the unit's flow run died with its worker (Prefect still shows it Running)."""
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    with get_client(sync_client=True) as client:
        client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)


def why_lost(flow_run_id: str, start_timeout: float) -> str | None:
    """Why the unit's flow run will never do the unit (None: it still may).

    Ended (any final state), or handed to a worker (Pending/Running) for longer
    than ``start_timeout`` without taking its unit: the worker died while starting it.
    A run still *Scheduled* is only waiting for a free worker.
    """
    from datetime import datetime
    from uuid import UUID

    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(UUID(flow_run_id)).state
    if state is None:
        return None
    if state.type.value in FINAL:
        return f"its flow run ended {state.type.value}"
    waited = (datetime.now(UTC) - state.timestamp).total_seconds()
    if state.type.value in ("PENDING", "RUNNING") and waited > start_timeout:
        return f"its flow run was {state.type.value} for {waited:.0f} s without taking the unit"
    return None
