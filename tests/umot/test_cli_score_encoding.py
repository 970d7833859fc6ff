"""``umot score`` of a file Excel wrote: UTF-16 with a byte order mark is read by its mark, Windows-1252 with
``--encoding cp1252``; without it, one line naming the line. Both were refused as "not UTF-8 text"; the output
stays UTF-8."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.negative_scorer import NegativeScorer
from umot.cli import app

runner = CliRunner()
TEXTS = ["Café – très bien €", "Déçu, jamais reçu"]
CSV = "text,rating\r\n" + "".join(f'"{t}",{5 - 4 * i}\r\n' for i, t in enumerate(TEXTS))


@pytest.fixture
def loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The models ``umot score`` loaded (a stand-in scorer: no model is read)."""
    import nlp

    loaded: list[str | None] = []
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(nlp, "load_scorer", lambda model=None, **kw: loaded.append(model) or NegativeScorer())
    return loaded


def _score(file: Path, *options: str) -> Result:
    return runner.invoke(app, ["score", str(file), "-o", str(file.with_name("out.csv")), *options])


def _scored(file: Path) -> list[dict[str, str]]:
    with file.with_name("out.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_a_file_with_a_byte_order_mark_is_read_by_it(tmp_path: Path, loads: list, codec: str) -> None:
    (file := tmp_path / "excel.csv").write_bytes(("\ufeff" + CSV).encode(codec))
    result = _score(file)
    assert result.exit_code == 0, result.output
    # its columns found ("text", not "\ufefftext" or "ÿþt\x00e\x00..."), its letters kept
    assert [(r["text"], r["rating"]) for r in _scored(file)] == [
        (TEXTS[0], "5"), (TEXTS[1], "1")]


def test_windows_1252_with_its_encoding(tmp_path: Path, loads: list) -> None:
    (file := tmp_path / "old.csv").write_bytes(CSV.encode("cp1252"))
    result = _score(file, "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in _scored(file)] == TEXTS


def _refusal(result: Result) -> str:
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


def test_windows_1252_without_it_is_one_line_naming_the_line(tmp_path: Path, loads: list) -> None:
    (file := tmp_path / "old.csv").write_bytes(("text\r\nplain\r\n" + CSV.split("\r\n", 1)[1]).encode("cp1252"))
    assert _refusal(_score(file)) == (f"error: {file} line 3: not UTF-8 text (byte 0xe9: invalid continuation byte); "
                                      "give the file's encoding with --encoding (e.g. --encoding cp1252)")
    assert loads == [] and not file.with_name("out.csv").exists()


def test_an_unknown_encoding_is_refused_before_the_file_is_read(tmp_path: Path, loads: list) -> None:
    assert _refusal(_score(tmp_path / "missing.csv", "--encoding", "klingon")) == (
        "error: --encoding 'klingon': unknown encoding (a Python codec name, e.g. utf-8, utf-16, cp1252, latin-1)")
    assert loads == []
