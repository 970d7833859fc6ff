"""--help and error lines print our bracketed text as written (rich markup would eat it)."""

from __future__ import annotations

import click
import pytest
import typer
from typer.testing import CliRunner

from umot.cli import app
from umot.cli._errors import fail


@pytest.mark.parametrize(("args", "expected"), [
    (["demo", "--help"], "[default: ~150]"),
    (["demo", "--help"], "[default: UMOT_MODEL or the shipped model]"),
    (["export", "--help"], "[default: the last complete week]"),
    (["export", "--help"], "benchmark-themes-<brand>-<week>.csv"),  # a file it writes, unnamed in its help
    (["detractors", "list", "--help"], "[default: 50 for the table, all for csv and json]"),
    (["serve", "--help"], "[default: UMOT_NIGHTLY_CRON or '0 2 * * *']"),
    (["score", "--help"], "([[themes]] in umot.toml)"),  # it read "([] in umot.toml)"
    # every command that reads umot.toml or the store offers the same --config and --database-url
    *[([*command, "--help"], "[default: UMOT_CONFIG or ./umot.toml]")
      for command in (["sources", "add"], ["sources", "sync"], ["themes", "list"], ["brands", "link"])],
    *[([*command, "--help"], "[default: UMOT_DATABASE_URL or <UMOT_DATA_DIR>/umot.db]")
      for command in (["sources", "add"], ["sources", "list"], ["brands", "link"])],
])
def test_help_shows_our_defaults(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "250"}, terminal_width=250)
    assert result.exit_code == 0
    assert expected in result.output


def test_error_line_keeps_brackets(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit):
        fail("umot.toml: unknown key [tool.umot] (see [sources])")
    assert "error: umot.toml: unknown key [tool.umot] (see [sources])" in capsys.readouterr().err


def _commands(command: click.Command, path: list[str]) -> list[list[str]]:
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        return [path]
    return [p for name, sub in subcommands.items() for p in _commands(sub, [*path, name])]


def test_repeatable_options_name_what_they_take() -> None:
    """`--url URL`, `--option KEY=VALUE`, `--competitor BRAND`: never Typer's bare `<list[str]>`."""
    runner = CliRunner()
    for path in _commands(typer.main.get_command(app), []):
        output = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "250"}, terminal_width=250).output
        options = [line for line in output.splitlines() if " --" in line]
        assert options, path
        assert not [line for line in options if "<list[" in line], path


def _named_commands(command: click.Command, path: str = "umot"):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _named_commands(sub, f"{path} {name}")


def test_no_help_text_holds_unescaped_rich_markup() -> None:
    """A bracketed word in a help text is read as rich markup and vanishes unless escaped (\\[)."""
    import re

    markup = re.compile(r"(?<!\\)\[[a-z/#@ =._-]*\]", re.I)
    found = [
        f"{path}: {text!r}"
        for path, command in _named_commands(typer.main.get_command(app))
        for text in [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        if markup.search(text)
    ]
    assert not found, found
