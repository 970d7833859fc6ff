"""``--actor`` as the audit trail keeps it: stripped, blanks as not given (``cli:<user>``), and a
control character or line break refused in one line (``$'x\\ny'`` made one entry read as two)."""

from __future__ import annotations

import getpass

import pytest
import typer

from umot.cli._actor import cli_actor


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")


@pytest.mark.parametrize("given", [None, "", "   ", "\t \n"])
def test_no_actor_or_a_blank_one_is_the_os_user(given: str | None) -> None:
    assert cli_actor(given) == "cli:ann"


def test_an_actor_is_kept_stripped() -> None:
    assert cli_actor("  ops-bot ") == "ops-bot"
    assert cli_actor("Zoë Müller") == "Zoë Müller"


@pytest.mark.parametrize(("given", "shown"), [("x\ny", "\\n"), ("a\tb", "\\t"), ("bot\x1b[2J", "\\x1b"),
                                                ("one\u2028two", "\\u2028")])
def test_a_control_character_or_line_break_is_one_line_exit_2(
    given: str, shown: str, capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(typer.Exit) as stop:
        cli_actor(given)
    assert stop.value.exit_code == 2
    assert capsys.readouterr().err == f"error: --actor holds a control character ({shown}): names are one line of text\n"
