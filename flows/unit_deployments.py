"""Are a fanned-out night's unit deployments on the Prefect server? Asked before any unit is planned.

Without them the night failed with ``ObjectNotFound: None`` and left a pending unit row behind:
``umot serve`` registers only ``nightly`` and ``weekly-export``, and ``fan_out`` is still a
parameter of its nightly deployment in the UI.
"""

from __future__ import annotations

from flows.fanout import DEPLOYMENTS


class UnitsNotDeployed(RuntimeError):
    """The Prefect server has no ``crawl-shard``/``score-shard`` deployment to run a fanned-out night's units."""


def check_deployments(units: int) -> None:
    """Raise :class:`UnitsNotDeployed` (one line) unless both unit deployments exist; called before any unit is
    planned (without them a night failed with ``ObjectNotFound: None``, leaving a pending unit behind)."""
    from flows.deployments import existing_deployments

    found = existing_deployments(list(DEPLOYMENTS.values()))
    missing = [name for name in DEPLOYMENTS.values() if name not in found]
    if missing:
        raise UnitsNotDeployed(
            f"fan_out={units} needs the deployment{'s' if len(missing) > 1 else ''} {' and '.join(missing)}, "
            "which this Prefect server does not have: create them with `umot deploy --pool <pool>` (`umot serve` "
            "does not register them) and start workers on that pool, or run the night with fan_out=0; nothing was run")
