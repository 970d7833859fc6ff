"""A gzip'd file is the source ``import:a.csv`` now; one imported before as ``import:a.csv.gz`` keeps that
name, so importing it again adds nothing (the new default name would have stored every review again)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from crawlers.import_records import read_records
from umot.cli import app

ROWS = "id,rating,text\nr1,5,Great kettle\nr2,1,Lid broke on day two\n"


def _import(file: Path, db_url: str, *extra: str) -> str:
    result = CliRunner().invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand",
                                      "--database-url", db_url, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _sources(db_url: str) -> list[str]:
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url), write=False) as session:
        return sorted(session.exec(select(Review.source)))


IDLESS = "date,rating,text\n2024-03-05,5,Great kettle\n2024-03-06,1,Lid broke\n"  # ids from source, text, cells


@pytest.mark.parametrize("rows", [ROWS, IDLESS])
def test_a_file_imported_gzipped_before_keeps_its_source(db_url: str, tmp_path: Path, rows: str) -> None:
    """Rows without id or author too: their ids cover the source, so the file is read under the old name."""
    file = tmp_path / "a.csv.gz"
    file.write_bytes(gzip.compress(rows.encode()))
    _import(file, db_url, "--source", "import:a.csv.gz")  # as imports before named it
    assert "0 new, 2 already stored" in _import(file, db_url)
    assert _sources(db_url) == ["import:a.csv.gz"] * 2


def test_a_file_imported_gzipped_before_is_read_once(db_url: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """As a plain file is: its rows were made under the old name by reading (and unzipping) it again."""
    import crawlers.importer

    reads: list[Path] = []

    def counted(path: Path, encoding: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        reads.append(path)
        return read_records(path, encoding)

    file = tmp_path / "a.csv.gz"
    file.write_bytes(gzip.compress(IDLESS.encode()))
    _import(file, db_url, "--source", "import:a.csv.gz")
    monkeypatch.setattr(crawlers.importer, "read_records", counted)
    assert "0 new, 2 already stored" in _import(file, db_url)
    assert reads == [file]


def test_a_new_gzipped_file_is_its_plain_files_source(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(ROWS, encoding="utf-8")
    (tmp_path / "gz").mkdir()
    (tmp_path / "gz" / "a.csv.gz").write_bytes(gzip.compress(ROWS.encode()))
    assert "2 new" in _import(tmp_path / "gz" / "a.csv.gz", db_url)
    assert "0 new, 2 already stored" in _import(tmp_path / "a.csv", db_url)
    assert _sources(db_url) == ["import:a.csv"] * 2
