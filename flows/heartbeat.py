"""A unit's heartbeat: while a worker does a unit of a fanned-out night, it says so in the store.

Every ``lease / 3`` seconds a thread pushes back the lease of the unit's
``NightShard`` row and of the scoring claims the worker holds. A worker that
dies stops beating: after ``lease`` seconds the parent hands its unit to
another worker, and its claims can be taken over (``models.crud.claims``).
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)


_PROCESS_TOKEN = secrets.token_hex(3)  # containers on one host network share its name, and their pid is often 1


def worker_id() -> str:
    """``host:pid:token`` of this flow run's process: who holds a unit or a claim. The token tells apart
    two processes a host name and pid do not (containers with the host's network, each its pid 1), whose
    claims a unit that fails or is reopened drops by this name."""
    return f"{socket.gethostname()}:{os.getpid()}:{_PROCESS_TOKEN}"


def prefect_worker() -> str | None:
    """The name of the Prefect worker that started this flow run (None when run otherwise)."""
    return os.environ.get("PREFECT__WORKER_NAME") or None


def beat_once(shard_id: int, worker: str, lease_seconds: float) -> bool:
    """Renew the unit's lease and the worker's claims; False if the unit was handed to another."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        mine = crud.beat_shard(session, shard_id, worker)
        crud.renew_claims(session, worker=worker, lease_seconds=lease_seconds)
    return mine


@contextmanager
def heartbeat(shard_id: int, worker: str, lease_seconds: float) -> Iterator[None]:
    """Beat for the unit until the block ends (a store hiccup is logged, the next beat tries again)."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(max(0.5, lease_seconds / 3)):
            try:
                if not beat_once(shard_id, worker, lease_seconds):
                    logger.warning("unit %s was handed to another worker", shard_id)
            except Exception:  # noqa: BLE001 - one missed beat is within the lease
                logger.exception("heartbeat of unit %s failed", shard_id)

    thread = threading.Thread(target=run, name=f"umot-heartbeat-{shard_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)
