"""`umot train --from-db` and the per-file options, and when it exports the theme corrections.

Before, --rows, --holdout, --scheme and --text-column were silently ignored with --from-db while the
card recorded the command as if it reproduced the run; and a refused run (too few texts, a bad
--out) had already rewritten the brands' theme-corrections files, which the theme detector's
version reads, so the next night re-read those brands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.crud import get_or_create_brand, upsert_reviews
from models.db import get_engine, session_scope
from umot.cli import app

runner = CliRunner()
TEXTS = ["Broke at once.", "Poor.", "It is fine.", "Good buy.", "Love it!"]


def _store(db_url: str, n: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """n rated reviews of Acme, the first with a triager's theme correction; returns its corrections file."""
    from nlp.themes.corrections import corrections_file

    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    with session_scope(get_engine(db_url)) as session:
        acme = get_or_create_brand(session, "Acme")
        upsert_reviews(session, [{"source": "s", "external_id": f"{i}", "rating": 1 + i % 5,
                                  "text": TEXTS[i % 5] + f" #{i}"} for i in range(n)], brand_id=acme.id)
    assert runner.invoke(app, ["rescore", "--database-url", db_url]).exit_code == 0
    done = runner.invoke(app, ["themes", "correct", "1", "--add", "delivery", "--database-url", db_url])
    assert done.exit_code == 0, done.output
    return corrections_file(tmp_path / "data", "Acme")


@pytest.mark.parametrize("option", [["--scheme", "three"], ["--text-column", "body"], ["--scheme", "x=stars"]])
def test_options_for_data_files_are_refused(db_url: str, option: list[str]) -> None:
    result = runner.invoke(app, ["train", "--from-db", "--database-url", db_url, *option])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: {option[0]} reads --data files only; --from-db trains on "
                                                  "the stored reviews' stars, title and text"]


@pytest.mark.parametrize(("option", "says"), [
    (["--rows", "other.csv=5"], "--rows 'other.csv=5': other.csv is not the store, the one file of --from-db"),
    (["--holdout", "1.5"], "--holdout '1.5': the held-out share must be within 0-1"),
    (["--rows", "store=0"], "--rows 'store=0': the row cap must be a positive number"),
])
def test_a_bad_rows_or_holdout_is_one_line(db_url: str, option: list[str], says: str) -> None:
    result = runner.invoke(app, ["train", "--from-db", "--database-url", db_url, *option])
    assert result.exit_code == 2 and says in result.output and len(result.output.strip().splitlines()) == 1, result.output


@pytest.mark.parametrize("why", ["too few texts", "--out a file"])
def test_a_refused_run_exports_no_theme_corrections(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    why: str) -> None:
    path = _store(db_url, 5 if why == "too few texts" else 40, tmp_path, monkeypatch)
    (tmp_path / "taken").write_text("not a folder")
    result = runner.invoke(app, ["train", "--from-db", "--database-url", db_url, "--out", str(tmp_path / "taken")])
    assert result.exit_code == 2, result.output
    assert not path.exists() and not path.parent.exists()  # nothing made: the detector's version is unchanged


@pytest.mark.slow
def test_rows_and_holdout_apply_to_the_store_and_a_run_exports_its_corrections(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(db_url, 60, tmp_path, monkeypatch)
    out = tmp_path / "model"
    result = runner.invoke(app, [
        "train", "--from-db", "--database-url", db_url, "--out", str(out), "--holdout", "0.25",
        "--rows", "store=25", "--rows", "40",  # store=N wins over a bare N, as FILE=N does for a file
        "--epochs", "0.05", "--max-length", "16", "--batch-size", "16",
    ])
    assert result.exit_code == 0, result.output
    [store] = json.loads((out / "training_summary.json").read_text())["datasets"]
    assert (store["rows"], store["trained"], store["held_out"], store["held_out_share"]) == (60, 25, 15, 0.25)
    assert "Acme: 1 correction" in result.output and path.exists()


def test_rows_cap_a_brand_whose_name_holds_a_slash(db_url: str) -> None:
    """"AC/DC Audio": the store's file was named by the path part after the slash ("DC Audio)"), so the cap keyed on
    the whole name never matched and the run trained on every row."""
    from umot.cli._training_from_store import store_splits

    with session_scope(get_engine(db_url)) as session:
        brand = get_or_create_brand(session, "AC/DC Audio")
        upsert_reviews(session, [{"source": "s", "external_id": f"{i}", "rating": 1 + i % 5,
                                  "text": TEXTS[i % 5] + f" #{i}"} for i in range(60)], brand_id=brand.id)
    [split], _ = store_splits(db_url, "AC/DC Audio", ["store=10"], [], None, 13, 0.1)
    assert len(split.train) == 10
    assert split.file.name == "store (brand AC∕DC Audio)"


def test_a_theme_corrections_folder_that_cannot_be_written_is_refused_before_training(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corrections are exported after the run: a folder they cannot go to (here a file) ended an hour's training
    with a FileExistsError traceback."""
    _store(db_url, 60, tmp_path, monkeypatch)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "theme-corrections").write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["train", "--from-db", "--epochs", "0.05", "--out", str(tmp_path / "m"),
                                 "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert "theme corrections folder" in result.output and "cannot write there" in result.output
    assert not (tmp_path / "m").exists()
