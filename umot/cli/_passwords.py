"""The password of a triage app user, read once before any store is opened (``umot users add``/``passwd``):
from stdin's first line, ``UMOT_USER_PASSWORD`` or a hidden, confirmed prompt."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from core.settings import get_settings
from umot.cli._errors import fail

MIN_PASSWORD = 8
PASSWORD_ENV = "UMOT_USER_PASSWORD"

PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help=f"Read the password from stdin's first line (else ${PASSWORD_ENV}, else a prompt)")
]


def read_password(from_stdin: bool) -> str:
    """The password from stdin, ``UMOT_USER_PASSWORD`` or a hidden, confirmed prompt."""
    if from_stdin:
        where = "--password-stdin"
        try:
            line = sys.stdin.readline() if sys.stdin is not None else ""
        except UnicodeDecodeError:  # a strict stdin; a surrogate-escaping one is caught below
            fail(f"{where}: password is not UTF-8 text")
        if not line:
            fail("--password-stdin: nothing on stdin (pipe the password in as its first line)")
        password = line.rstrip("\r\n")
    elif (from_env := get_settings().user_password) is not None:
        where, password = PASSWORD_ENV, from_env.get_secret_value()
    elif sys.stdin is None or not sys.stdin.isatty():
        # getpass would warn that it cannot hide the input, then abort on an empty pipe.
        fail(f"no terminal to ask for the password: pass it with --password-stdin or set {PASSWORD_ENV}")
    else:
        where, password = "the prompt", typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:  # bytes that are not UTF-8 arrive as lone surrogates (Python's surrogateescape), which no hash encodes
        password.encode("utf-8")
    except UnicodeEncodeError:
        fail(f"{where}: password is not UTF-8 text")
    if len(password) < MIN_PASSWORD:
        fail(f"password too short: use at least {MIN_PASSWORD} characters")
    return password
