"""A umot.toml that cannot be written (a full disk): ``<path>: cannot write (...)``, the file as it was and
no temporary file left, where a raw OSError was a 50-line traceback from every command that edits it and a
full disk left an empty ``umot.toml.tmp`` behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.config_file import ConfigFileError, read_document, write_document
from tests.file_size_limit import file_size_limit

#: A file larger than the limit the tests write under: any rewrite of it fails part way.
PADDING = "# " + "x" * 20_000 + "\n"
THEMES = '[[themes]]\nbrand = "Acme"\nname = "wifi"\ndescription = "The hotel wifi"\nexamples = ["wifi"]\n'


class _OwnError(ValueError):
    pass


def test_a_failed_write_is_the_config_error_naming_the_file_which_stays_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(PADDING + THEMES, encoding="utf-8")
    before = path.read_bytes()
    document = read_document(path)
    document["themes"][0]["description"] = "The wifi in the rooms"
    with pytest.raises(ConfigFileError) as failure, file_size_limit(8192):
        write_document(path, document)
    assert str(failure.value) == f"{path}: cannot write (File too large)"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["umot.toml"]  # no umot.toml.tmp


def test_the_caller_may_name_its_own_error_class(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-folder"
    folder.write_text("a file where the config's folder should be", encoding="utf-8")
    with pytest.raises(_OwnError, match=r"not-a-folder/conf/umot.toml: cannot write \(Not a directory\)"):
        write_document(folder / "conf" / "umot.toml", read_document(tmp_path / "umot.toml"), _OwnError)


def test_themes_remove_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    """``umot themes remove`` catches only the themes' own error: the CLI's net turns the file's into one line."""
    from umot.cli import app

    path = tmp_path / "umot.toml"
    path.write_text(PADDING + THEMES, encoding="utf-8")
    with file_size_limit(8192):
        result = CliRunner().invoke(app, ["themes", "remove", "Acme", "wifi", "--config", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {path}: cannot write (File too large)\n"
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8") == PADDING + THEMES
