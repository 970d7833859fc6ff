"""Which CSVs get the formula guard (reporting/safety.py) and which are data files written as read.

Was: the guard's docstring said it covered "every CSV umot writes", yet ``umot score -o x.csv``
and ``umot crawl -o x.csv`` write raw cells, on purpose (``umot import``/``umot score`` read them
back, and a ``'`` would change the text); nothing in the docs said so.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import reporting.safety
from umot.cli import app

DOCS = Path(__file__).resolve().parents[2] / "docs"
FORMULA = '=HYPERLINK("http://evil.example","click")'


class _Scorer:
    version = "guard-test@1"

    def score(self, texts: Sequence[object], ratings: Sequence[object] | None = None, **_: Any) -> list[Any]:
        from nlp.result import ReviewScore

        return [ReviewScore("neutral", 3.0, 0.1, 0.8, 0.1, 0.8, "en") for _ in texts]


def test_umot_score_writes_a_data_file_as_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(nlp, "load_scorer", lambda *args, **kwargs: _Scorer())
    source = tmp_path / "in.csv"
    source.write_text(f'text,note\n"{FORMULA.replace(chr(34), chr(34) * 2)}",-1\n', encoding="utf-8")
    done = CliRunner().invoke(app, ["score", str(source), "-o", str(tmp_path / "out.csv")])
    assert done.exit_code == 0, done.output
    row = next(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert (row["text"], row["note"]) == (FORMULA, "-1")  # no "'": umot import / umot score read it back as it was


def test_the_docs_say_which_csvs_are_guarded() -> None:
    doc = reporting.safety.__doc__ or ""
    assert "every CSV" not in doc and "umot crawl -o" in doc and "umot score -o" in doc
    security = " ".join((DOCS / "security.md").read_text(encoding="utf-8").split())
    assert "`umot crawl -o x.csv` and `umot score -o x.csv` write are **data files, written as read**" in security
    assert "the triage app's **Download CSV** and `umot detractors list --format csv`" in security
