"""``umot import`` from the command line: a file of reviews exported from another tool -> the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def count_reviews(db_url: str) -> int:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return crud.count_reviews(session)


def brand_names(db_url: str) -> list[str]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return [b.name for b in crud.list_brands(session)]


CSV = """id,stars,author,title,date,text,country
a1,9,Ana,Great,2024-03-01,"Loved it, would buy again",PT
a2,2,Ben,,"March 5, 2024","Broke after a week. I told my friends to stay away.",UK
a3,,Cleo,,,"No rating given here",FR
"""


def test_import_csv_with_a_ten_point_scale(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "export.csv"
    file.write_text(CSV, encoding="utf-8")
    result = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--scale", "10", "--database-url", db_url)
    assert result.exit_code == 0, result.output
    assert "imported 3 reviews" in result.stdout and "3 new" in result.stdout
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        rows = {r.external_id: r for r in session.exec(select(Review))}
        assert rows["a1"].rating == 4.56 and rows["a1"].rating_raw == 9 and rows["a1"].rating_scale == 10
        assert rows["a1"].source == "import:export.csv" and rows["a1"].extra == {"country": "PT"}
        assert rows["a2"].published_at.date() == date(2024, 3, 5)
        assert rows["a3"].rating is None and rows["a3"].text == "No rating given here"
    again = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--scale", "10", "--database-url", db_url)
    assert "0 new, 3 already stored" in again.stdout
    assert count_reviews(db_url) == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", CSV + 'a4,eleven,Dan,,,"text"\n', "bad.csv line 5: rating 'eleven' is not a number"),
        ("bad.csv", CSV + 'a4,12,Dan,,,"text"\n', "bad.csv line 5: rating 12 is outside 0-10"),
        ("bad.csv", CSV + 'a4,-1,Dan,,,"text"\n', "bad.csv line 5: rating -1 is outside 0-10"),
        ("bad.csv", CSV + 'a4,3,Dan,,,""\n', "bad.csv line 5: the text is empty"),
        ("bad.csv", CSV + 'a4,3,Dan,,not-a-date-at-all,"x"\n', "bad.csv line 5: date 'not-a-date-at-all' is not a date"),
        ("nocol.csv", "id,stars\n1,5\n", "nocol.csv: no text column"),
        ("bad.jsonl", '{"text": "fine", "rating": 5}\n{"text": "broken"\n', "bad.jsonl line 2: not valid JSON"),
        ("quote.csv", 'text,stars\n"unterminated quote,3\nfine,4\n',
         "quote.csv line 3: malformed CSV (unexpected end of data)"),
        ("head.csv", '"text,stars\nfine,4\n', "head.csv line 2: malformed CSV (unexpected end of data)"),
        ("stray.csv", 'text,stars\n"quoted" then more,3\n', "stray.csv line 2: malformed CSV"),
        ("empty.jsonl", "", "empty.jsonl: the file is empty"),
    ],
)
def test_import_malformed_file_stores_nothing(tmp_path: Path, db_url: str, name: str, content: str, message: str) -> None:
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    result = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--scale", "10", "--database-url", db_url)
    assert result.exit_code == 2
    assert message in result.stderr.replace("\n", "")
    assert count_reviews(db_url) == 0
    assert brand_names(db_url) == []  # --create-brand adds the brand only with the file's reviews


def test_import_jsonl(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "reviews.jsonl"
    lines = [
        {"external_id": "x1", "rating": 5, "text": "Das ist wirklich ein ausgezeichnetes Produkt", "source": "shop"},
        {"external_id": "x2", "rating": "4,5", "text": "Very good overall", "published_at": "2024-01-02T10:00:00Z"},
    ]
    file.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url)
    assert result.exit_code == 0, result.output
    assert count_reviews(db_url) == 2


def test_import_bad_csv_is_one_line_and_stores_nothing(tmp_path: Path, db_url: str) -> None:
    """The README's promise: a bad row stops the import; nothing half-read (the old reader kept 1 review)."""
    file = tmp_path / "quote.csv"
    file.write_text('text,stars\n"unterminated quote,3\nfine,4\n', encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert count_reviews(db_url) == 0


def test_import_reads_rfc4180_quotes_beyond_the_sniffed_sample(tmp_path: Path, db_url: str) -> None:
    """Doubled quotes after the first 8 KiB are read as quotes, not guessed from the sample."""
    filler = "".join(f"plain review number {i},4\n" for i in range(600))
    file = tmp_path / "long.csv"
    file.write_text('text,stars\n' + filler + '"She said ""buy it"", so I did",5\n', encoding="utf-8")
    result = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url)
    assert result.exit_code == 0, result.output
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        texts = set(session.exec(select(Review.text)))
    assert 'She said "buy it", so I did' in texts and len(texts) == 601


def test_import_summary_says_1_review(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "one.csv"
    file.write_text("text,stars\nfine,4\n", encoding="utf-8")
    result = invoke("import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url)
    assert result.exit_code == 0, result.output
    assert f"imported 1 review from {file} into 'Acme': 1 new, 0 already stored" in result.stdout


def test_import_refuses_a_bad_database_url_in_one_line(tmp_path: Path) -> None:
    file = tmp_path / "one.csv"
    file.write_text("text,stars\nfine,4\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", "mysql://u:secret@h/d"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unsupported database URL 'mysql://u:***@h/d': "
        "umot supports SQLite (sqlite:///PATH) and PostgreSQL (postgresql://USER@HOST/DB)"
    )


def test_import_checks_an_unknown_brand_before_reading_the_file(tmp_path: Path, db_url: str) -> None:
    """Without --create-brand a typo in --brand is the error, even for a file that would be refused too."""
    file = tmp_path / "nocol.csv"
    file.write_text("id,stars\n1,5\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--database-url", db_url])
    assert result.exit_code == 2
    assert "no brand named 'Acme'" in result.stderr and "--create-brand" in result.stderr
    assert brand_names(db_url) == []


def test_import_with_create_brand_refuses_an_empty_brand(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "one.csv"
    file.write_text("text,stars\nfine,4\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "  ", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --brand is empty: give the brand's name"
    assert count_reviews(db_url) == 0
