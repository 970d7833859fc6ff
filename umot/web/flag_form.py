"""The triage form of a detractor's page, read so that a field not sent, or not changed, changes nothing.

FastAPI reads an empty form field as a missing one, and here the two differ: the
page's emptied Assignee box (``assignee=``) unassigns, while a script that posts
only ``status`` (docs/triage.md invites it, with the X-CSRF-Token header) must
leave the assignee, note and label as they are, as ``umot detractors set`` does.
So the route reads the raw form through this dependency.

The page also sends each field's value as it loaded it (``was_status`` ...): a field
still equal to it was not touched, and is not applied, so a change someone else
saved meanwhile survives a save from an older page. Both changing one field: the later save wins.
A dismissal made stale by an edit of the review is confirmed by its page's "confirm" box
(``confirm_dismissal``, checked there): saved as loaded, the status and label are no change, but the
team has read the new text, as ``umot detractors set --status dismissed`` says.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request
from starlette.datastructures import FormData

from models.crud.triage import DEFAULT_CORRECTED_LABEL
from models.status import FlagStatus
from models.tables import Flag

FIELDS = ("status", "assignee", "note", "corrected_label")
LOADED = ("status", "assignee", "corrected_label")  # the page sends these as loaded, in was_<field>
MAX_ASSIGNEE = 300  # the column's length (varchar(300) on PostgreSQL): longer failed there as a 500


@dataclass(frozen=True)
class FlagForm:
    """What was posted and changed; ``None``: the field was not sent or not changed (keep the flag's value)."""

    status: str | None = None  # sent empty: kept as well (no status is named "")
    assignee: str | None = None  # "" unassigns
    note: str | None = None  # empty adds no note
    corrected_label: str | None = None  # empty: none given
    label_from_page: bool = False  # the page's select, which it sends whatever the status
    confirm_dismissal: bool = False  # the stale dismissal's box: still dismissed, the edited text judged too

    def problem(self) -> str | None:
        """Why the change can't be made before it reaches the store, if it can't."""
        if self.assignee is not None and len(self.assignee.strip()) > MAX_ASSIGNEE:
            return f"assignee: at most {MAX_ASSIGNEE} characters (got {len(self.assignee.strip())})"
        return None

    def label_for(self, current_status: str) -> str | None:
        """The corrected label to apply.

        The page's select is sent with every status (it is hidden unless dismissing), so
        from the page it counts only with a dismissal. A script's label goes to
        ``update_flag`` as sent, which refuses it without a dismissal, as the CLI does.
        """
        dismissed = (self.status or current_status) == FlagStatus.dismissed
        if self.label_from_page and not dismissed:
            return None
        return self.corrected_label or None

    def shown(self, flag: Flag) -> dict[str, str]:
        """What the form's fields hold: what was sent (a refused save loses no typing), else the stored value."""
        return {
            "status": self.status or flag.status,
            "assignee": (flag.assignee or "") if self.assignee is None else self.assignee,
            "note": self.note or "",
            "corrected_label": self.corrected_label or flag.corrected_label or DEFAULT_CORRECTED_LABEL,
        }

    def assignee_arg(self) -> dict[str, str]:
        """``update_flag``'s ``assignee`` argument when it was sent; left out, it keeps the assignee."""
        return {} if self.assignee is None else {"assignee": self.assignee}


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if value is not None and not isinstance(value, str):  # a file where text belongs
        raise HTTPException(status_code=400, detail=f"Bad request: check {name!r}.")
    return value


async def read_flag_form(request: Request) -> FlagForm:
    """The posted fields, less those equal to their ``was_`` value (the form is parsed once: CSRF and NUL checks read it too)."""
    form = await request.form()
    values = {name: _text(form, name) for name in FIELDS}
    for name in LOADED:
        was, value = _text(form, f"was_{name}"), values[name]
        if was is not None and value is not None and value.strip() == was.strip():
            values[name] = None  # as loaded: not this user's change
    return FlagForm(
        status=values["status"] or None,
        assignee=values["assignee"],
        note=values["note"],
        corrected_label=values["corrected_label"],
        label_from_page=_text(form, "was_corrected_label") is not None,
        confirm_dismissal=bool(_text(form, "confirm_dismissal")),
    )
