"""Every `umot ...` command in README.md and docs/*.md parses as written (code and inline).

Docs rot quietly when an option is renamed; this walks the real command tree
that Typer builds (its own click copy: groups have ``commands``, parameters a
``param_type_name``; no subprocess, nothing runs) and names the file and line of each
stale command: an unknown subcommand, an option the command does not take, or
more arguments than it accepts.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from umot.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGS = {"", "bash", "sh", "shell", "console"}
FENCE = re.compile(r"^\s*```(\w*)\s*$")
INLINE = re.compile(r"`((?:\.venv/bin/)?umot [^`]*)`")
OPTIONAL = re.compile(r"\[(-[^\]]*)\]")  # synopsis brackets: `umot sources list [--brand Acme]`


def shell_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, logical line) of each shell code block line, continuations joined."""
    lang: str | None = None
    pending, start = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        fence = FENCE.match(line)
        if fence:
            lang = None if lang is not None else fence.group(1).lower()
            continue
        if lang not in SHELL_LANGS:
            continue
        if not pending:
            start = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1].strip() + " "
            continue
        yield start, pending + line.strip()
        pending = ""


def inline_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, span) of each inline `umot ...` outside code blocks, placeholders left out."""
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_block = not in_block
        elif not in_block:
            for span in INLINE.findall(line):
                if not any(mark in span for mark in ("...", "\u2026", "COMMAND")):
                    yield number, span


def stray_indents(text: str) -> Iterator[int]:
    """Shell lines that start indented without continuing a `\\` line: a lost `#`, or a typo."""
    lang: str | None = None
    previous = ""
    for number, line in enumerate(text.splitlines(), 1):
        fence = FENCE.match(line)
        if fence:
            lang = None if lang is not None else fence.group(1).lower()
        elif (lang in SHELL_LANGS and line[:1].isspace() and line.strip()
              and not line.lstrip().startswith("#") and not previous.rstrip().endswith("\\")):
            yield number
        previous = line


def umot_invocations(line: str) -> Iterator[list[str]]:
    """The argument lists given to `umot` on one shell line (after pipes, env settings)."""
    try:
        words = shlex.split(OPTIONAL.sub(r"\1", line), comments=True)
    except ValueError:
        return
    commands: list[list[str]] = [[]]
    redirect = False
    for word in words:
        if word in {"|", "&&", "||", ";", "&"}:
            commands.append([])
        elif word in {">", ">>", "<", "2>"} or redirect:
            redirect = word in {">", ">>", "<", "2>"}  # drop the redirect and its file
        else:
            commands[-1].append(word)
    for command in commands:
        while command and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", command[0]):
            command = command[1:]  # VAR=value umot ...
        if command and (command[0] == "umot" or command[0].endswith("/bin/umot")):
            yield command[1:]


def _is_group(command: Any) -> bool:
    return isinstance(getattr(command, "commands", None), dict)


def _params(command: Any, kind: str) -> list[Any]:
    return [p for p in command.params if p.param_type_name == kind]


def _option(command: Any, name: str) -> Any:
    for param in _params(command, "option"):
        if name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _choices(option: Any) -> list[str]:
    """An enum option's accepted values (Typer 0.29 keeps them on its type descriptor)."""
    descriptor = getattr(option, "type_descriptor", None) or getattr(option, "type", None)
    return [str(getattr(c, "value", c)) for c in getattr(descriptor, "choices", None) or ()]


def problem(args: list[str]) -> str | None:
    """Why `umot ARGS` would not parse, or None when it would."""
    command: Any = typer.main.get_command(app)
    path = ["umot"]
    words = list(args)
    while _is_group(command) and words and not words[0].startswith("-"):
        sub = command.get_command(None, words[0])
        if sub is None:
            return f"no command {' '.join(path)} {words[0]}"
        command, path = sub, [*path, words.pop(0)]
    positionals = 0
    while words:
        word = words.pop(0)
        if word == "--":
            positionals += len(words)
            break
        if not word.startswith("-") or word == "-":
            positionals += 1
            continue
        name = word.split("=", 1)[0]
        if name == "--help":
            continue
        option = _option(command, name)
        if option is None:
            return f"{' '.join(path)} has no option {name}"
        if option.is_flag or option.count:
            continue
        values = [word.split("=", 1)[1]] if "=" in word else words[: option.nargs]
        del words[: 0 if "=" in word else option.nargs]
        choices = _choices(option)
        if choices and any(v not in choices for v in values):
            return f"{' '.join(path)} {name} takes one of {', '.join(choices)}"
    if _is_group(command):
        return None if positionals == 0 else f"{' '.join(path)} needs a subcommand"
    arguments = _params(command, "argument")
    if any(p.nargs == -1 for p in arguments):
        return None
    accepted = sum(p.nargs for p in arguments)
    if positionals > accepted:
        return f"{' '.join(path)} takes {accepted} argument(s), got {positionals}"
    return None


def command_paths(command: Any, path: list[str]) -> Iterator[list[str]]:
    """The words of every leaf command below ``command`` (``["umot", "users", "add"]``, ...)."""
    if not _is_group(command):
        yield path
        return
    for name, sub in command.commands.items():
        yield from command_paths(sub, [*path, name])


def documented_commands() -> Iterator[tuple[str, int, list[str]]]:
    for doc in DOC_FILES:
        text = doc.read_text(encoding="utf-8")
        for number, line in [*shell_lines(text), *inline_lines(text)]:
            for args in umot_invocations(line):
                yield doc.relative_to(ROOT).as_posix(), number, args


def test_docs_show_umot_commands() -> None:
    """The walk finds the docs' commands at all (a broken extractor would pass everything)."""
    found = {" ".join(args[:1]) for _, _, args in documented_commands()}
    assert {"run", "crawl", "sources", "detractors", "export", "serve", "web"} <= found


def test_every_command_is_documented() -> None:
    """Each `umot` command appears, as `umot GROUP NAME`, in README.md or docs/."""
    text = "\n".join(doc.read_text(encoding="utf-8") for doc in DOC_FILES)
    missing = [" ".join(path) for path in command_paths(typer.main.get_command(app), ["umot"])
               if not re.search(re.escape(" ".join(path)) + r"\b", text)]
    assert not missing, f"commands no doc mentions: {missing}"


def test_every_documented_command_parses() -> None:
    stale = [
        f"{doc}:{number}: umot {shlex.join(args)}: {why}"
        for doc, number, args in documented_commands()
        if (why := problem(args))
    ]
    assert not stale, "stale commands in the docs:\n" + "\n".join(stale)


def test_shell_blocks_have_no_stray_indented_lines() -> None:
    stray = [f"{doc.relative_to(ROOT)}:{number}" for doc in DOC_FILES
             for number in stray_indents(doc.read_text(encoding="utf-8"))]
    assert not stray, "indented shell lines (a lost '#'?):\n" + "\n".join(stray)


def test_stray_indents_spare_continuations_and_comments() -> None:
    text = "```bash\numot run \\\n  --brand A\n     # a comment\n UI: http://x\n```\n  prose\n"
    assert list(stray_indents(text)) == [5]


@pytest.mark.parametrize(("line", "expected"), [
    ("umot nosuch", "no command umot nosuch"),
    ("umot sources nosuch Acme", "no command umot sources nosuch"),
    ("umot run --no-such-option", "umot run has no option --no-such-option"),
    ("umot export extra-argument", "umot export takes 0 argument(s), got 1"),
    ("umot detractors list --format yaml",
     "umot detractors list --format takes one of table, csv, json"),
    ("umot sources", None),
    ("UMOT_MODEL=m .venv/bin/umot score in.csv -o out.csv  # comment --bogus", None),
    ("printf x | umot users add a@b.example --brand Acme --password-stdin", None),
    ("umot sources list [--brand Acme]", None),
    ("umot run --brand Acme --brand=Other -s DOWNLOAD_DELAY=5 --no-notify", None),
])
def test_checker_catches_stale_commands(line: str, expected: str | None) -> None:
    [args] = list(umot_invocations(line))
    assert problem(args) == expected


def test_inline_commands_skip_code_blocks_and_placeholders() -> None:
    text = "`umot run --brand X` or `umot users add ... --brand NAME`\n```\n`umot nosuch`\n```\n"
    assert list(inline_lines(text)) == [(1, "umot run --brand X")]


def test_lines_are_numbered_and_joined_in_shell_blocks_only() -> None:
    text = "umot nosuch\n```python\numot nosuch\n```\n\n```bash\numot run \\\n  --brand A\n```\n"
    assert list(shell_lines(text)) == [(7, "umot run --brand A")]
