"""Changing a flag's triage state, every change kept in the audit trail.

A dismissal ("not a detractor") stores the reviewer's corrected label on the
flag; ``umot train --from-db`` learns from those corrections. Any status may
follow any other (a resolved flag can be reopened): the audit trail, not a
state machine, is the record of what happened. The flag is read locked
(:mod:`models.crud.flag_locks`): two saves of one flag at once take turns, so each
event's old value is the one the previous change left.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from models.crud.edited_dismissals import judged_before_edit
from models.crud.flag_locks import locked_flag
from models.crud.name_limits import NameTooLongError, check_length, shortened
from models.crud.triage.assignees import checked_assignee
from models.crud.triage.queue_filter import STATUSES
from models.datetimes import as_utc
from models.status import FlagStatus
from models.stored import stored_id
from models.tables import FlagEvent, table_of, utcnow

# What a dismissal ("not a detractor") may correct the label to; training reads it.
CORRECTED_LABELS = ("neutral", "positive")
DEFAULT_CORRECTED_LABEL = "neutral"
MAX_ASSIGNEE = 300  # Flag.assignee's column width (VARCHAR(300) on PostgreSQL)
MAX_ID = 2**31 - 1  # the largest id every store holds (PostgreSQL INTEGER; SQLite's count up from 1): a larger one is no row
MAX_ROWS = 2**63 - 1  # the largest row count a LIMIT takes (a larger one overflowed the driver)
NOTE_REPEAT = timedelta(seconds=10)  # a double click's second save comes sooner; the same note later is a new note
_UNSET = object()


class TriageError(ValueError):
    """A change that can't be made (unknown flag, status or label); the message says which."""


class ActorTooLongError(TriageError, NameTooLongError):
    """An actor longer than ``flag_event.actor`` holds (PostgreSQL refused it mid-write; SQLite kept it whole)."""


def update_flag(
    session: Session,
    flag_id: int,
    *,
    actor: str,
    status: str | None = None,
    assignee: str | object | None = _UNSET,
    note: str | None = None,
    corrected_label: str | None = None,
    brand_ids: Sequence[int] | None = None,
    confirm_dismissal: bool = False,
) -> list[FlagEvent]:
    """Apply the given changes to one flag and record one audit event per changed field.

    ``assignee=""`` or ``None`` unassigns; leaving it out keeps it; a new one must be
    a user who can see the flag's brand, where the store has users (``assignees``). ``note`` adds a
    note (the flag keeps the latest; the trail keeps them all; the actor's latest note again within
    ``NOTE_REPEAT`` is a double click's, not stored twice). Returns the new
    events (none when nothing changed). ``brand_ids`` limits which flags may change. Dismissing
    again a flag dismissed before its review's last edit records its label even unchanged: a judgement
    of the new text. ``confirm_dismissal`` says the same for a form that sends no status or label it
    didn't change (the web page): it confirms such a flag if it is still dismissed when locked.
    """
    # an id past what the store holds would not even reach the query (OverflowError): no such flag either;
    # locked (PostgreSQL): another save of this flag waits for ours, then reads what we wrote (flag_locks)
    flag = locked_flag(session, flag_id) if 0 < flag_id <= MAX_ID else None
    if flag is None or (brand_ids is not None and flag.brand_id not in brand_ids):
        raise TriageError(f"no detractor flag with id {flag_id}")
    check_length(actor, table_of(FlagEvent).c.actor, f"actor {shortened(actor)}", ActorTooLongError)
    if status is not None and status not in STATUSES:
        raise TriageError(f"unknown status {status!r} (choose from {', '.join(STATUSES)})")
    if corrected_label is not None and corrected_label not in CORRECTED_LABELS:
        raise TriageError(
            f"unknown corrected label {corrected_label!r} (choose from {', '.join(CORRECTED_LABELS)})"
        )
    changes: list[tuple[str, str | None]] = []
    if status is not None:
        changes.append(("status", status))
        new_status = status
    else:
        new_status = flag.status
    if new_status == FlagStatus.dismissed:
        changes.append(("corrected_label", corrected_label or flag.corrected_label or DEFAULT_CORRECTED_LABEL))
    elif corrected_label is not None:
        raise TriageError("a corrected label goes with status 'dismissed' (not a detractor)")
    else:
        changes.append(("corrected_label", None))
    if assignee is not _UNSET:
        name = (str(assignee).strip() or None) if assignee is not None else None
        if name is not None and len(name) > MAX_ASSIGNEE:
            raise TriageError(f"assignee is {len(name):,} characters long; at most {MAX_ASSIGNEE}")
        if name is not None and name != flag.assignee:  # unchanged (a page re-sending it) is no new assignment
            name, problem = checked_assignee(session, flag.brand_id, name)
            if problem:
                raise TriageError(problem)
        changes.append(("assignee", name))
    now = utcnow()
    if note is not None and note.strip() and not _repeated_note(session, flag_id, actor, note.strip(), now):
        changes.append(("note", note.strip()))

    # dismissing again, same label, a flag dismissed before its review's edit: the team judged the new text;
    # audited (an unchanged label too), else --from-db kept training it by its rating (edited_dismissals)
    confirmed = (flag.status == new_status == FlagStatus.dismissed
                 and (confirm_dismissal or (status or corrected_label) is not None)
                 and judged_before_edit(session, flag_id))
    events = []
    for field, new in changes:
        old = getattr(flag, field)
        if old == new and field != "note" and not (confirmed and field == "corrected_label"):
            continue
        setattr(flag, field, new)
        events.append(
            FlagEvent(flag_id=stored_id(flag), actor=actor, at=now, field_name=field, old_value=old, new_value=new)
        )
    if events:
        flag.updated_at = now
        session.add(flag)
        session.add_all(events)
        session.flush()
    return events


def _repeated_note(session: Session, flag_id: int, actor: str, note: str, now: datetime) -> bool:
    """Whether ``note`` is the one ``actor`` last noted on this flag, moments ago: a double click's second
    save (or a resent form) would store it twice in the audit trail."""
    last = session.exec(
        select(FlagEvent).where(FlagEvent.flag_id == flag_id, FlagEvent.field_name == "note", FlagEvent.actor == actor)
        .order_by(col(FlagEvent.at).desc(), col(FlagEvent.id).desc()).limit(1)
    ).first()
    return last is not None and last.new_value == note and abs(now - as_utc(last.at)) < NOTE_REPEAT
