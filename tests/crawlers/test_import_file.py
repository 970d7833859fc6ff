"""Reading an import file into rows, without a store (the `umot import` tests cover the store side)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.import_columns import ImportFileError
from crawlers.import_rows import to_row
from crawlers.importer import read_review_file


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    file = tmp_path / name
    if isinstance(content, bytes):
        file.write_bytes(content)
    else:
        file.write_text(content, encoding="utf-8")
    return file


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("semi.csv", "Review;Stars;Country\nGreat value, really;4;PT\nMeh;2;UK\n"),
        ("tabs.tsv", "Review\tStars\tCountry\nGreat value, really\t4\tPT\nMeh\t2\tUK\n"),
    ],
)
def test_the_delimiter_is_sniffed(tmp_path: Path, name: str, content: str) -> None:
    rows = read_review_file(_write(tmp_path, name, content))
    assert [(r["text"], r["rating"], r["extra"]) for r in rows] == [
        ("Great value, really", 4.0, {"Country": "PT"}),
        ("Meh", 2.0, {"Country": "UK"}),
    ]
    assert {r["source"] for r in rows} == {f"import:{name}"}


def test_to_row_matches_aliases_in_any_case() -> None:
    row = to_row(
        {"ReviewBody": " Fine ", "Score": "80", "Headline": 7, "ID": 12, "Site": "shop", "Empty": ""},
        where="x line 2", scale=100, source="import:x",
    )
    assert (row["text"], row["title"], row["external_id"], row["source"]) == ("Fine", "7", "12", "shop")
    assert (row["rating_raw"], row["rating_scale"], row["extra"]) == (80, 100, {})
    unrated = to_row({"text": "ok", "stars": ""}, where="x line 3", scale=5, source="import:x")
    assert unrated["rating"] is None and unrated["rating_scale"] is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.jsonl", '{"text": "fine"}\n[1, 2]\n', "list.jsonl line 2: expected a JSON object per line"),
        ("wide.csv", "text,stars\nfine,4,extra\n", "wide.csv line 2: more fields than the header has"),
        ("latin.csv", "text\ncaf\xe9\n".encode("latin-1"), "latin.csv line 2: not UTF-8 text (byte 0xe9: invalid "
         "continuation byte); give the file's encoding with --encoding (e.g. --encoding cp1252)"),
        ("header.csv", "text,stars\n", "header.csv: no reviews in the file"),
        ("lone.jsonl", '{"text": "fine"}\n{"text": "\\ud800 bad", "id": "s1"}\n',
         "lone.jsonl line 2: 'text' holds a lone surrogate (\\ud800): not valid Unicode text"),
        ("deep.jsonl", '{"text": "fine", "meta": {"k": ["\\udfff"]}}\n',
         "deep.jsonl line 1: 'meta' holds a lone surrogate (\\udfff): not valid Unicode text"),
        ("obj.jsonl", '{"text": "fine"}\n{"text": "ok", "author": {"n": 1}}\n',
         "obj.jsonl line 2: author must be text or a number, not a JSON object"),
        ("url.jsonl", '{"text": "ok", "URL": ["a"]}\n', "url.jsonl line 1: URL must be text or a number, not a JSON list"),
        ("bool.jsonl", '{"text": "ok", "title": true}\n', "bool.jsonl line 1: title must be text or a number, not true/false"),
        ("body.jsonl", '{"text": {"en": "ok"}}\n', "body.jsonl line 1: text must be text or a number, not a JSON object"),
    ],
)
def test_unreadable_files_name_the_file_and_line(tmp_path: Path, name: str, content: str | bytes, message: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, name, content))
    assert str(raised.value).endswith(message)


@pytest.mark.parametrize("name", ["reviews.csv.gz", "reviews.tsv.gz", "reviews.jsonl.gz"])
def test_gzipped_files_read_like_plain_ones(tmp_path: Path, name: str) -> None:
    import gzip

    plain = {"csv": "text,stars\nMeh, really,2\n".replace("Meh, really", '"Meh, really"'),
             "tsv": "text\tstars\nMeh, really\t2\n", "jsonl": '{"text": "Meh, really", "stars": 2}\n'}
    rows = read_review_file(_write(tmp_path, name, gzip.compress(plain[name.split(".")[1]].encode())))
    plain_name = name.removesuffix(".gz")  # the plain file's source: importing both stores nothing twice
    assert [(r["text"], r["rating"], r["source"]) for r in rows] == [("Meh, really", 2.0, f"import:{plain_name}")]


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    [row] = read_review_file(_write(tmp_path, "excel.csv", "\ufefftext,stars\nfine,4\n"))
    assert (row["text"], row["rating"]) == ("fine", 4.0)


@pytest.mark.parametrize(("content", "message"), [
    (b"plain text, not gzip", "bad.csv.gz: cannot read (Not a gzipped file (b'pl'))"),
    (__import__("gzip").compress(b"text\nfine\n", mtime=0)[:12], "bad.csv.gz: cannot read (Compressed file ended before the "
                                                         "end-of-stream marker was reached)"),
], ids=["not gzip", "cut short"])
def test_a_broken_gzip_file_is_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, "bad.csv.gz", content))
    assert str(raised.value).endswith(message)


@pytest.mark.parametrize("scale", [1, 0.5, float("inf"), float("nan")])
def test_the_scale_must_be_a_finite_number_above_one(tmp_path: Path, scale: float) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, "one.csv", "text,stars\nfine,4\n"), scale=scale)
    assert str(raised.value) == "--scale must be a finite number above 1"


@pytest.mark.parametrize(("data", "encoding", "text"), [
    ('{"text": "one\u2028two"}\n{"text": "ok"}\n'.encode(), None, "one\u2028two"),
    (b'{"text": "one\x85two"}\r\n{"text": "ok"}\r\n', "latin-1", "one\x85two"),  # latin-1's 0x85: U+0085
], ids=["U+2028", "latin-1 0x85"])
def test_a_json_string_may_hold_a_unicode_line_separator(tmp_path: Path, data: bytes, encoding: str | None,
                                                         text: str) -> None:
    """Legal in a JSON string, but a line break to str.splitlines: the line was split there and refused as
    "not valid JSON (Unterminated string ...)"."""
    rows = read_review_file(_write(tmp_path, "sep.jsonl", data), encoding=encoding)
    assert [r["text"] for r in rows] == [text, "ok"]
