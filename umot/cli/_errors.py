"""One-line, non-zero-exit errors for bad input (the CLI's contract)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
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


def check_writable(path: Path | None, option: str) -> None:
    """A file a command writes at its end (``-o``, ``--log``), checked before the work: its folder made and the
    file opened now, as the command would. A file and folders this made are removed again, so a run that fails
    later leaves nothing behind (every caller makes the folders again when it writes)."""
    if path is None:
        return
    existed = path.exists()
    parent = path.absolute().parent
    made = [p for p in [parent, *parent.parents] if not p.exists()]  # deepest first
    try:
        try:
            parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8"):
                pass
            if not existed:
                path.unlink()
        finally:
            for folder in made:
                with suppress(OSError):  # one not made (mkdir failed first) or no longer empty: left as it is
                    folder.rmdir()
    except OSError as exc:
        fail(f"{option} {path}: cannot write ({exc.strerror or exc})")


def check_writable_dir(path: Path | None, option: str) -> None:
    """A folder a command writes into at its end (a model's ``--out``), checked before the work without making it:
    a training run must not learn for an hour and then fail. Its nearest existing folder must take a file."""
    if path is None:
        return
    import tempfile

    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        fail(f"{option} {path}: cannot write there ({probe} is not a folder)")
    try:
        with tempfile.TemporaryFile(dir=probe):
            pass
    except OSError as exc:
        fail(f"{option} {path}: cannot write there ({exc.strerror or exc})")
