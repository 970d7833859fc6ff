"""The triage form of a detractor's page, read so that a field not sent changes nothing.

FastAPI reads an empty form field as a missing one, and here the two differ: the
page's emptied Assignee box (``assignee=``) unassigns, while a script that posts
only ``status`` (docs/triage.md invites it, with the X-CSRF-Token header) must
leave the assignee, note and label as they are, as ``umot detractors set`` does.
So the route reads the raw form through this dependency.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request

from models.status import FlagStatus

FIELDS = ("status", "assignee", "note", "corrected_label")
MAX_ASSIGNEE = 300  # the column's length (varchar(300) on PostgreSQL): longer failed there as a 500


@dataclass(frozen=True)
class FlagForm:
    """What was posted; ``None``: the field was not sent (keep the flag's value)."""

    status: str | None = None  # sent empty: kept as well (no status is named "")
    assignee: str | None = None  # "" unassigns
    note: str | None = None  # empty adds no note
    corrected_label: str | None = None

    def problem(self) -> str | None:
        """Why the change can't be made before it reaches the store, if it can't."""
        if self.assignee is not None and len(self.assignee.strip()) > MAX_ASSIGNEE:
            return f"assignee: at most {MAX_ASSIGNEE} characters (got {len(self.assignee.strip())})"
        return None

    def label_for(self, current_status: str) -> str | None:
        """The corrected label to apply: only with a dismissal (the page always sends its select)."""
        dismissed = (self.status or current_status) == FlagStatus.dismissed
        return (self.corrected_label or None) if dismissed else None

    def assignee_arg(self) -> dict[str, str]:
        """``update_flag``'s ``assignee`` argument when it was sent; left out, it keeps the assignee."""
        return {} if self.assignee is None else {"assignee": self.assignee}


async def read_flag_form(request: Request) -> FlagForm:
    """The posted fields (the form is parsed once: the CSRF and NUL checks read the same)."""
    form = await request.form()
    values: dict[str, str | None] = {}
    for name in FIELDS:
        value = form.get(name)
        if value is not None and not isinstance(value, str):  # a file where text belongs
            raise HTTPException(status_code=400, detail=f"Bad request: check {name!r}.")
        values[name] = value
    return FlagForm(
        status=values["status"] or None,
        assignee=values["assignee"],
        note=values["note"],
        corrected_label=values["corrected_label"],
    )
