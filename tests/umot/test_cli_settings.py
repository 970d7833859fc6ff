"""A UMOT_* variable that does not parse stops any command with one line naming it."""

from typer.testing import CliRunner

from umot.cli import app


def test_a_bad_setting_is_one_line_and_exit_2(tmp_path) -> None:
    result = CliRunner().invoke(app, ["db", "current"], env={"UMOT_THREADS": "many", "UMOT_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == ["error: UMOT_THREADS='many': input should be a valid integer, unable to parse string as an integer"]
