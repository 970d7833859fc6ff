"""umot.cli._pairs.name_values: NAME=VALUE options, trimmed, and one line for a bad pair."""

from __future__ import annotations

import pytest
import typer

from umot.cli._pairs import name_values


def test_pairs_are_trimmed_and_a_value_may_hold_equals_signs_or_be_empty() -> None:
    assert name_values([" a = 1 ", "url=http://x/?q=1", "empty="], "--set") == {
        "a": "1", "url": "http://x/?q=1", "empty": ""}
    assert name_values(None, "--set") == {} and name_values([], "--set") == {}


def test_the_last_of_a_repeated_name_wins() -> None:
    assert name_values(["a=1", "a=2"], "--arg") == {"a": "2"}


@pytest.mark.parametrize("pair", ["novalue", "=1", "  =1"])
def test_a_pair_without_a_name_or_an_equals_sign_fails_naming_the_option(
    pair: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(typer.Exit) as exit_info:
        name_values(["ok=1", pair], "--option", key="KEY")
    assert exit_info.value.exit_code == 2
    assert f"--option {pair!r}: expected KEY=VALUE" in capsys.readouterr().err
