"""``umot crawl`` and ``umot import`` from the command line."""

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


@pytest.mark.slow
def test_crawl_to_jsonl_prints_one_summary_line(tmp_path: Path) -> None:
    from umot.demo import start_demo_site

    out = tmp_path / "northwind.jsonl"
    with start_demo_site(reviews_per_product=6, anchor=date(2025, 6, 30)) as site:
        brand = site.brand("northwind-outdoor")
        result = invoke("crawl", brand.url, "-o", str(out),
                        "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schemaorg: 18 reviews found, 18 written to {out}, 4 pages, 0 errors"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 18 and {"rating", "published_at", "language", "external_id"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "http://127.0.0.1:9/"], "--brand is required"),
        (["crawl", "ftp://example.com/", "-o", "x.jsonl"], "not an http(s) URL: 'ftp://example.com/'"),
        (["crawl", "http://127.0.0.1:9/", "--spider", "nope", "-o", "x.jsonl"], "unknown spider 'nope'"),
        (["crawl", "http://127.0.0.1:9/", "--since", "someday", "-o", "x.jsonl"], "--since 'someday' is not a date"),
        (["crawl", "http://127.0.0.1:9/", "--set", "oops", "-o", "x.jsonl"], "expected NAME=VALUE"),
        (["crawl", "http://127.0.0.1:9/", "--set", "DOWNLOAD_DELAY=soon", "-o", "x.jsonl"],
         "--set 'DOWNLOAD_DELAY=soon': DOWNLOAD_DELAY takes a number"),
        (["crawl", "http://127.0.0.1:9/", "--set", "ROBOTSTXT_OBEY=maybe", "-o", "x.jsonl"],
         "--set 'ROBOTSTXT_OBEY=maybe': ROBOTSTXT_OBEY takes True or False"),
    ],
)
def test_crawl_rejects_bad_input_in_one_line(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


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


def test_crawl_summary_names_unchanged_pages_and_the_run_and_a_failure_exits_1(tmp_path: Path, monkeypatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    failed = CrawlResult(ok=False, pages=3, items_scraped=1, unchanged=2, errors=1, run_id=7, error_message="boom")
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: failed)
    out = tmp_path / "x.jsonl"
    result = invoke("crawl", "http://127.0.0.1:9/", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout.strip() == f"schemaorg: 1 review found, 0 written to {out}, 3 pages (2 unchanged), 1 error, run 7"
    assert result.stderr.strip() == "error: boom"
