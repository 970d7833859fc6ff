"""``umot score`` reads a review as the nightly run does: its themes from the title and the text, and its
language from a language column. The themes read the body alone ("Horrible customer service" over
"Waited 40 minutes." had no service theme, a title-only row no stage), and a declared ``de`` was ignored."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.negative_scorer import NegativeScorer
from umot.cli import app

runner = CliRunner()




@pytest.fixture
def scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """``scored(csv_text)``: the rows ``umot score`` writes for that input."""
    import nlp

    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(nlp, "load_scorer", lambda model=None, **kw: NegativeScorer())

    def run(text: str, *options: str) -> list[dict[str, str]]:
        file, out = tmp_path / "in.csv", tmp_path / "out.csv"
        file.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["score", str(file), "-o", str(out), *options])
        assert result.exit_code == 0, result.output
        with out.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    return run


def test_themes_and_stages_read_the_title_too(scored) -> None:  # noqa: ANN001
    rows = scored('title,text\nHorrible customer service,Waited 40 minutes.\n"Terrible, never again",\n')
    assert json.loads(rows[0]["themes"]) == {"service_staff": "negative", "speed_wait": "negative"}
    assert json.loads(rows[1]["themes"]) == {"product_quality": "negative"}
    assert rows[1]["stages"] == "use; repeat"


@pytest.mark.parametrize("column", ["language", "Lang", "inLanguage"])
def test_a_language_column_is_the_reviews_language(scored, column: str) -> None:  # noqa: ANN001
    [row] = scored(f"text,{column},rating\nDie App ist toll,de,5\n")
    assert (row["language"], row["detractor"], row["themes"]) == ("de", "false", "{}")
    assert row["reasons"] == "language de: scored by an English model"


def test_language_column_names_a_column_of_any_name(scored) -> None:  # noqa: ANN001
    """``--language-column``, as ``--text-column``: a column no known name finds ("sprache") is read, and it
    wins over a column that has a known name."""
    [row] = scored("text,sprache,lang,rating\nDie App ist toll,de-AT,en,5\n", "--language-column", "sprache")
    assert (row["language"], row["detractor"]) == ("de", "false")
    assert row["reasons"] == "language de: scored by an English model"
    [row] = scored("text,sprache,rating\nDie App ist toll,de,5\n")  # not named: not read (the scorer's own "en" stands)
    assert (row["language"], row["detractor"]) == ("en", "true")
