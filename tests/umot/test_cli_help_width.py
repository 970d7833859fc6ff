"""``umot X --help`` at 80 columns: no option name cut (``--pause-on-shutd…``), no stray word left on a
line of its own by a docstring's line break, one default per option (``umot serve`` showed two)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import pytest
import typer
from typer.testing import CliRunner

from umot.cli import app


def _paths(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


PATHS = list(_paths(typer.main.get_command(app)))


def _help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "umot")
def test_help_at_80_columns_cuts_no_option_and_leaves_no_stray_line(path: tuple[str, ...]) -> None:
    lines = _help(path).splitlines()
    assert not [line for line in lines if re.search(r"--[\w-]*…", line)]
    prose = [line.strip() if not line.startswith(("│", "╭", "╰")) else "" for line in lines]  # outside the panels
    stray = [line for line, after in pairwise(prose) if line and after and len(line) < 45]
    assert not stray, stray


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "umot")
def test_every_help_paragraph_is_one_line(path: tuple[str, ...]) -> None:
    """What rich keeps as written: a line break inside a paragraph is one in the table of commands too."""
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    for paragraph in (command.help or "").split("\n\n"):
        assert re.search(r"\n(?![ \t]|[-*] )", paragraph) is None, paragraph  # bullets keep their lines


def test_serve_names_its_shutdown_default_once() -> None:
    output = " ".join(_help(("serve",)).split())
    assert "[default: keep them active]" in output.replace("│ ", "").replace(" │", "")
    assert "keep-schedules]" not in output
