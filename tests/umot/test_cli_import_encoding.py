"""``umot import`` of files Excel writes: "Unicode Text" (UTF-16-LE with a byte order mark, tabs) is read by its
mark, an older "CSV" (Windows-1252) with ``--encoding cp1252``; without it, one line naming the line, nothing stored.
Every one of them was refused as "not UTF-8 text (byte N)"."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
ROWS = [("r1", "5", "Café – très bien, merci €"), ("r2", "1", "Déçu: « jamais » reçu")]


def _import(file: Path, db_url: str, *options: str) -> Result:
    return runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url,
                               *options])


def _stored(db_url: str) -> dict[str, tuple[str, float | None]]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        return {r.external_id: (r.text, r.rating) for r in session.exec(select(Review))}


def _refusal(result: Result) -> str:
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize("name", ["export.txt", "export.tsv.gz"])
def test_excel_unicode_text_is_read_by_its_byte_order_mark(tmp_path: Path, db_url: str, name: str) -> None:
    text = "id\tstars\ttext\r\n" + "".join(f"{i}\t{s}\t{t}\r\n" for i, s, t in ROWS)
    data = ("\ufeff" + text).encode("utf-16-le")
    (file := tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = _import(file, db_url)
    assert result.exit_code == 0, result.output
    assert _stored(db_url) == {i: (t, float(s)) for i, s, t in ROWS}  # "id", not "\ufeffid": the ids were read


def test_an_excel_csv_in_windows_1252_with_its_encoding(tmp_path: Path, db_url: str) -> None:
    (file := tmp_path / "old.csv").write_bytes(("id;stars;text\r\n" + "".join(f"{i};{s};{t}\r\n" for i, s, t in ROWS))
                                               .encode("cp1252"))
    result = _import(file, db_url, "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    assert _stored(db_url) == {i: (t, float(s)) for i, s, t in ROWS}


def test_without_its_encoding_one_line_names_the_line_and_nothing_is_stored(tmp_path: Path, db_url: str) -> None:
    (kept := tmp_path / "kept.csv").write_text("id,text\nk1,already here\n", encoding="utf-8")
    assert _import(kept, db_url).exit_code == 0
    rows = "id,stars,text\nr0,4,plain ascii\n" + "".join(f"{i},{s},{t}\n" for i, s, t in ROWS)
    (file := tmp_path / "old.csv").write_bytes(rows.encode("cp1252"))
    assert _refusal(_import(file, db_url)) == (
        f"error: {file} line 3: not UTF-8 text (byte 0xe9: invalid continuation byte); "
        "give the file's encoding with --encoding (e.g. --encoding cp1252)")
    assert _stored(db_url) == {"k1": ("already here", None)}


@pytest.mark.parametrize("name", ["nope", "base64"])
def test_an_unknown_encoding_is_refused_before_the_file_or_store(tmp_path: Path, db_url: str, name: str) -> None:
    """Before the store: a brand that does not exist (no --create-brand) is not what the line is about."""
    missing = tmp_path / "missing.csv"
    result = runner.invoke(app, ["import", str(missing), "--brand", "Nobody", "--database-url", db_url,
                                 "--encoding", name])
    assert _refusal(result) == (f"error: --encoding {name!r}: unknown encoding (a Python codec name, e.g. utf-8, "
                                "utf-16, cp1252, latin-1)")
