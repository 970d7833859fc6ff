"""One-line, non-zero-exit errors for bad input (the CLI's contract)."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

err_console = Console(stderr=True)


class UserError(Exception):
    """Bad input: the message names what was wrong and where."""


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``error: <message>`` on one line to stderr and exit non-zero."""
    # the message is text, not markup: "[default: x]" or "[tool.x]" in it must print as written
    err_console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)
