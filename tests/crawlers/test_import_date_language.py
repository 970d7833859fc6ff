"""``umot import`` reads a numeric date in the day/month order of the row's ``language`` cell, as a
crawl reads one in the review's language: ``05.03.2024`` of a ``de`` row is 5 March, not 3 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.importer import read_review_file


@pytest.mark.parametrize(("language", "day"), [
    ("de", "2024-03-05"), ("fr", "2024-03-05"), ("en-GB", "2024-03-05"), (" en_GB ", "2024-03-05"),
    ("en-US", "2024-05-03"), ("", "2024-05-03"),  # no language: month first, as before
])
def test_a_numeric_date_follows_the_rows_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, day: str) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "UTC")
    file = tmp_path / "eu.csv"
    file.write_text(f"text,date,language,replied_at\nSehr gut,05.03.2024,{language},06.03.2024 10:00\n",
                    encoding="utf-8")
    [row] = read_review_file(file)
    assert row["published_at"] == f"{day}T12:00:00+00:00"
    replied = "2024-03-06" if day == "2024-03-05" else "2024-06-03"
    assert row["replied_at"] == f"{replied}T10:00:00+00:00"  # the reply's date in the same order

