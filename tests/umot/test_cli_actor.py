"""The actor a CLI change is audited as, where the uid has no name (a container's ``--user 4242``)."""

from __future__ import annotations

import getpass
import os

import pytest

from umot.cli._actor import cli_actor


def test_a_named_user_is_cli_and_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")
    assert cli_actor() == "cli:ann"


@pytest.mark.parametrize("error", [KeyError("getpwuid(): uid not found: 4242"), OSError("No username set")])
def test_a_uid_without_a_name_is_cli_uid(error: Exception, monkeypatch: pytest.MonkeyPatch) -> None:
    """`umot themes correct` and `detractors set` ended in a traceback there (KeyError from getpwuid)."""
    def nameless() -> str:
        raise error

    monkeypatch.setattr(getpass, "getuser", nameless)
    assert cli_actor() == f"cli:uid{os.getuid()}"
