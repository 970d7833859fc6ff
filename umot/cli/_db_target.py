"""Which revision ``umot db upgrade REVISION`` names, checked against the store before Alembic runs.

Alembic reads ``head+1`` as an AssertionError and a revision behind the store
as nothing to do ("ok"); umot has no downgrade, so both are refused here in one
line. Apart from the commands (:mod:`umot.cli.db`): it is the one piece of
them that walks the migrations' history.
"""

from __future__ import annotations

import re

from umot.cli._errors import fail


def upgrade_target(url: str, revision: str) -> str:
    """The revision id ``revision`` names (``head``, ``0004``, ``+1``, ``head-1``); one line, exit 2, when it
    is past the newest (Alembic: an AssertionError on ``head+1``) or behind the store (Alembic did nothing
    and said ok). A store at a revision this umot does not know is left to ``models.migrate.upgrade``."""
    from alembic.script import ScriptDirectory

    from models.migrate import alembic_config, current_revision

    script = ScriptDirectory.from_config(alembic_config(url))
    order = [r.revision for r in reversed(list(script.walk_revisions()))]  # oldest first: one line of history
    at = current_revision(url)
    if at is not None and at not in order:
        return revision
    relative = re.fullmatch(r"(.*?)([+-]\d+)", revision)
    name, step = (relative.group(1), int(relative.group(2))) if relative else (revision, 0)
    current = order.index(at) if at else -1
    if name:
        named = script.get_revision(name)  # None for "base"; CommandError for no such revision
        start = order.index(named.revision) if named else -1
    else:
        start = current  # "+1": from the store's revision
    wanted = start + step
    if wanted >= len(order):
        fail(f"revision {revision} is past the newest ({order[-1]})")
    if wanted < current:
        fail(f"revision {revision} is behind the store ({at}); umot has no downgrade")
    return order[wanted] if wanted >= 0 else "base"
