"""The rich console for tables a command prints on stdout: the terminal's width, or 200 columns piped.

Piped or redirected (``umot sources list | grep``, ``> file``), rich lays a table out in 80
columns and cuts what does not fit (``schemao…``, a URL folded mid-word); a reader of the file
wants each value whole. ``COLUMNS`` still says how wide where it is set.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console

#: Columns of a table on stdout that is not a terminal: one line per row for most rows.
PIPED_WIDTH = 200


def stdout_console(**options: Any) -> Console:
    """A console on stdout (``options`` as :class:`rich.console.Console` takes them), :data:`PIPED_WIDTH`
    wide unless stdout is a terminal or ``COLUMNS`` is set."""
    return Console(width=None if Console().is_terminal or os.environ.get("COLUMNS") else PIPED_WIDTH, **options)
