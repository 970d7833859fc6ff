"""Row locks for reading a flag in order to change it, so that two writers of one flag take turns.

A flag's change is read, then written: its audit event records the value it replaces, and a
dismissal's corrected label only goes with status ``dismissed``. Under PostgreSQL's READ
COMMITTED two writers (two triagers saving one flag, ``umot detractors set`` beside the web
app, the night's edit checks beside either) would both read the same old flag, and the second
write would audit a change from a value that was no longer there, or keep the first's label on
a status that drops it. Reading the flag ``FOR NO KEY UPDATE`` makes the second writer wait
for the first to commit, then read what it wrote. ``NO KEY`` leaves alone the key-share locks
that inserting a flag's events takes (a theme correction audits on the flag without changing
it), and several flags are locked in ascending id order, so two writers cannot deadlock. The
ORM's copy is refreshed from that read (``populate_existing``): a flag the request read before
the lock is not changed from its stale copy. SQLite sends no lock clause: a writing scope
holds the whole database (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select
from sqlmodel import Session, col

from models.tables import Flag

_S = TypeVar("_S", bound=Select[Any])


def locked_flag(session: Session, flag_id: int) -> Flag | None:
    """The flag as last committed, locked until the transaction ends (None: no such flag)."""
    return session.get(Flag, flag_id, with_for_update={"key_share": True}, populate_existing=True)


def locking_flags(query: _S) -> _S:
    """``query`` (which selects flags) locking the flags it returns, in ascending id order, read afresh."""
    return (query.with_for_update(of=Flag, key_share=True).order_by(col(Flag.id))
            .execution_options(populate_existing=True))
