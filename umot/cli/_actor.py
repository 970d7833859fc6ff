"""Who a CLI change is audited as: ``cli:<os user>``, as docs/triage.md says.

A container run with ``--user 4242`` has a uid with no passwd entry and no ``USER``:
``getpass.getuser()`` raises ``KeyError`` (``OSError`` on Python 3.13) there, and the
change it was to audit was lost in a traceback. Such a user is ``cli:uid4242``.
"""

from __future__ import annotations

import getpass
import os


def cli_actor() -> str:
    """``cli:<login name>``, else ``cli:uid<N>`` where the uid has no name."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return f"cli:uid{os.getuid()}"
