"""``umot train --data`` of a file Excel wrote: UTF-16 with a byte order mark is read by its mark (it was refused
as "not UTF-8 text"); a Windows-1252 file is one line naming its line, and no model is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

ROWS = "text,stars\r\n" + "".join(f"très bien n°{i} – {'€' * i},{1 + i % 5}\r\n" for i in range(30))


class Ran(Exception):
    """Raised by the stubbed run: the command got as far as training."""


@pytest.fixture
def trained(monkeypatch: pytest.MonkeyPatch) -> list:
    """The splits the stubbed training run was given."""
    import nlp.training_run

    seen: list = []

    def stub(splits, out, **kwargs):  # noqa: ANN001, ANN003, ANN202
        seen.extend(splits)
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", stub)
    return seen


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-8"])
def test_a_file_with_a_byte_order_mark_is_trained_on(tmp_path: Path, trained: list, codec: str) -> None:
    (data := tmp_path / "excel.csv").write_bytes(("\ufeff" + ROWS).encode(codec))
    result = CliRunner().invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "m")])
    assert isinstance(result.exception, Ran), result.output
    [split] = trained
    assert split.file.scheme == "stars" and len(split.file.texts) == 30
    assert "très bien n°7 – €€€€€€€" in split.file.texts


def test_windows_1252_is_one_line_naming_the_line(tmp_path: Path, trained: list, cli_refusal) -> None:  # noqa: ANN001
    (data := tmp_path / "old.csv").write_bytes(ROWS.encode("cp1252"))
    assert cli_refusal(["train", "--data", str(data), "--out", str(tmp_path / "m")]) == (
        f"error: {data} line 2: not UTF-8 text (byte 0xe8: invalid continuation byte); give the file's encoding "
        "with --encoding (e.g. --encoding cp1252)")
    assert trained == [] and not (tmp_path / "m").exists()


def test_its_encoding_for_every_file_or_one(tmp_path: Path, trained: list) -> None:
    """``--encoding NAME`` for every --data file, ``--encoding FILE=NAME`` for one, as ``--scheme``."""
    (old := tmp_path / "old.csv").write_bytes(ROWS.encode("cp1252"))
    (new := tmp_path / "new.csv").write_text(ROWS, encoding="utf-8")
    for options in (["--data", str(old), "--encoding", "cp1252"],
                    ["--data", str(old), "--data", str(new), "--encoding", "old.csv=cp1252"]):
        trained.clear()
        result = CliRunner().invoke(app, ["train", *options, "--out", str(tmp_path / "m")])
        assert isinstance(result.exception, Ran), result.output
        assert all("très bien n°7 – €€€€€€€" in split.file.texts for split in trained)


@pytest.mark.parametrize("value", ["nope", "old.csv=nope"])
def test_an_unknown_encoding_is_one_line(tmp_path: Path, trained: list, cli_refusal, value: str) -> None:  # noqa: ANN001
    (data := tmp_path / "old.csv").write_bytes(ROWS.encode("cp1252"))
    assert cli_refusal(["train", "--data", str(data), "--encoding", value, "--out", str(tmp_path / "m")]) == (
        f"error: --encoding {value!r}: unknown encoding (a Python codec name, e.g. utf-8, utf-16, cp1252, latin-1)")
    assert trained == [] and not (tmp_path / "m").exists()


def test_the_store_has_no_encoding(tmp_path: Path, cli_refusal) -> None:  # noqa: ANN001
    assert cli_refusal(["train", "--from-db", "--encoding", "cp1252", "--out", str(tmp_path / "m")]) == (
        "error: --encoding reads --data files only; --from-db trains on the stored reviews' stars, title and text")
