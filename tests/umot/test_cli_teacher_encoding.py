"""``umot teacher --encoding`` reads a --data file as ``umot train`` does: the refusal of a Windows-1252 file
tells the user to give ``--encoding``, so the teacher must take it too."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

ROWS = "text,stars\r\n" + "".join(f"très bien n°{i},{1 + i % 5}\r\n" for i in range(30))


class Ran(Exception):
    """Raised by the stubbed teacher run: the command got as far as fine-tuning."""


def test_the_teacher_reads_a_file_in_the_encoding_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp.teacher.run

    seen: list = []

    def stub(splits, out, **kwargs):  # noqa: ANN001, ANN003, ANN202
        seen.extend(splits)
        raise Ran

    monkeypatch.setattr(nlp.teacher.run, "run_teacher", stub)
    (old := tmp_path / "old.csv").write_bytes(ROWS.encode("cp1252"))
    result = CliRunner().invoke(app, ["teacher", "--data", str(old), "--encoding", "cp1252",
                                      "--out", str(tmp_path / "t.npz")])
    assert isinstance(result.exception, Ran), result.output
    [split] = seen
    assert "très bien n°7" in split.file.texts
