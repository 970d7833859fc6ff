"""Who a CLI change is audited as: ``--actor`` where given, else ``cli:<os user>``, as docs/triage.md says.

A container run with ``--user 4242`` has a uid with no passwd entry and no ``USER``:
``getpass.getuser()`` raises ``KeyError`` (``OSError`` on Python 3.13) there, and the
change it was to audit was lost in a traceback. Such a user is ``cli:uid4242``.
An ``--actor`` of blanks named nobody in the audit trail (``--actor ""`` already fell back to
``cli:<user>``), and one with a line break made one entry read as two: blanks are unset now,
the name is stripped, and a control character is the one-line error.
"""

from __future__ import annotations

import getpass
import os

from umot.cli._errors import fail


def cli_actor(given: str | None = None) -> str:
    """``given`` (an ``--actor``) stripped, unless blank; else ``cli:<login name>``, or ``cli:uid<N>``
    where the uid has no name. ``given`` holding a control character or line break fails (exit 2)."""
    name = (given or "").strip()
    if name:
        from models.crud.name_limits import NameCharacterError, check_characters

        try:
            return check_characters(name, "--actor")
        except NameCharacterError as exc:
            fail(str(exc))
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return f"cli:uid{os.getuid()}"
