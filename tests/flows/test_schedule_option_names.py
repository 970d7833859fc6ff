"""A bad schedule of ``umot serve``/``umot deploy`` is named as the user gave it: the option
(``--nightly-cron``), or the variable (``UMOT_NIGHTLY_CRON``). The option was reported as the variable."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from core.settings import Settings
from flows.deployments import DeploymentConfigError, ScheduleConfig
from umot.cli import app


@pytest.mark.parametrize(
    ("args", "message"),
    [(["serve", "--nightly-cron", "bad"], "error: --nightly-cron 'bad' is not a cron expression"),
     (["deploy", "--weekly-cron", "61 6 * * 1"], "error: --weekly-cron '61 6 * * 1' is not a cron expression"),
     (["serve", "--nightly-cron", ""], "error: --nightly-cron '' is not a cron expression"),  # not the default
     (["deploy", "--timezone", "Nowhere/X"], "error: --timezone 'Nowhere/X' is not an IANA name")],
)
def test_an_option_is_named_as_the_option(args: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(message) and "UMOT_" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [("UMOT_NIGHTLY_CRON", "every night", "nightly cron (UMOT_NIGHTLY_CRON) 'every night'")],
)  # a bad UMOT_TIMEZONE is refused with every bad setting (core.settings: tests/core)
def test_a_setting_is_named_as_the_variable(variable: str, value: str, message: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(DeploymentConfigError) as info:
        ScheduleConfig.resolve()
    assert str(info.value).startswith(message)
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {message}")


def test_given_values_win_and_are_kept() -> None:
    settings = Settings(nightly_cron="30 1 * * *", weekly_cron="0 6 * * 1", timezone="Asia/Tokyo")
    assert ScheduleConfig.resolve(None, "0 7 * * 1", None, settings=settings) == ScheduleConfig(
        "30 1 * * *", "0 7 * * 1", "Asia/Tokyo")


@pytest.mark.parametrize("timezone", ["posixrules", "right/UTC", "posix/Europe/Berlin"])
@pytest.mark.parametrize("command", ["serve", "deploy"])
def test_a_zoneinfo_file_prefect_refuses_is_one_line_before_anything_starts(
        command: str, timezone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ZoneInfo`` loads these; Prefect's schedules refuse them. Was: ``serve`` a pydantic traceback, ``deploy`` a
    4-line error after it had created the work pool. Now Prefect's own check, before the server is even asked."""
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # nothing answers: nothing could be created
    result = CliRunner().invoke(app, [command, "--timezone", timezone])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: --timezone {timezone!r} is not an IANA name like Europe/Berlin\n"
    assert result.stdout == ""


def test_a_zoneinfo_file_in_the_setting_is_named_as_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "posixrules")
    with pytest.raises(DeploymentConfigError, match=r"^timezone \(UMOT_TIMEZONE\) 'posixrules' is not an IANA name"):
        ScheduleConfig.resolve()
