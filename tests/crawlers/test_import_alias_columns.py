"""Two columns of one field in an import file: a CSV and a JSONL file read them alike. A column named
twice is refused in both (a JSONL object naming ``rating`` twice kept the LAST silently, where a CSV
header doing so was refused); of two aliases (``rating`` and ``stars``) the first non-empty one in the
row's column order is read, in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.import_columns import ImportFileError
from crawlers.importer import read_review_file


def _write(tmp_path: Path, name: str, content: str) -> Path:
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    return file


@pytest.mark.parametrize(("name", "content", "message"), [
    ("twice.jsonl", '{"text": "ok", "rating": 4, "rating": 2}\n', "line 1: column 'rating' appears twice"),
    ("case.jsonl", '{"text": "ok"}\n{"text": "ok", "Rating": 4, "rating": 2}\n',
     "line 2: column 'rating' appears twice (as 'Rating' and 'rating')"),
    ("case.csv", "text,Rating,rating\nok,4,2\n", "line 1: column 'rating' appears twice (as 'Rating' and 'rating')"),
])
def test_a_column_named_twice_is_refused_in_csv_and_jsonl(tmp_path: Path, name: str, content: str, message: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, name, content))
    assert str(raised.value) == f"{tmp_path / name} {message}"


def test_a_nested_object_may_repeat_a_key(tmp_path: Path) -> None:
    """Kept in extra as json reads it: only the row's own columns are matched by name."""
    [row] = read_review_file(_write(tmp_path, "n.jsonl", '{"text": "ok", "meta": {"k": 1, "K": 2}}\n'))
    assert row["extra"] == {"meta": {"k": 1, "K": 2}}


@pytest.mark.parametrize(("name", "content"), [
    ("r.csv", "date,time,text,rating,stars\n2024-03-05,10:00,fine,4,2\n"),
    ("r.jsonl", '{"date": "2024-03-05", "time": "10:00", "text": "fine", "rating": 4, "stars": 2}\n'),
])
def test_the_first_of_two_aliases_is_read_in_csv_and_jsonl(tmp_path: Path, name: str, content: str) -> None:
    """A date and a time of day, or two rating columns: the first non-empty one (not refused as a conflict)."""
    [row] = read_review_file(_write(tmp_path, name, content))
    assert (row["rating"], row["published_at"][:10]) == (4.0, "2024-03-05")


@pytest.mark.parametrize(("name", "content"), [
    ("r.csv", "date,text,Review,stars,rating\n2024-03-05,,Fine,,4\n2024-03-05,Good,Good,3,3\n"),
    ("r.jsonl", '{"date": "2024-03-05", "text": "", "Review": "Fine", "stars": null, "rating": 4}\n'
                '{"date": "2024-03-05", "text": "Good", "Review": "Good", "stars": "3", "rating": 3}\n'),
])
def test_one_value_in_either_alias_or_in_both_is_that_value(tmp_path: Path, name: str, content: str) -> None:
    rows = read_review_file(_write(tmp_path, name, content))
    assert [(r["text"], r["rating"]) for r in rows] == [("Fine", 4.0), ("Good", 3.0)]
