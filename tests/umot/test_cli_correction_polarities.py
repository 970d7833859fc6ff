"""Each theme a triager adds keeps its own polarity, on the review and, once exported by
`umot train --from-db`, on its near-duplicates; files of the older format still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.themes.corrections import Correction, CorrectionMemory
from tests.umot.review_themes import add_review, reading_themes
from umot.cli import app

runner = CliRunner()
TEXT = "The parcel arrived two weeks late and the box was crushed. Shame, the price was a real bargain though."


def test_exported_corrections_keep_each_added_themes_polarity(db_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    first = add_review(db_url, "1", TEXT)
    assert runner.invoke(app, ["rescore", "--database-url", db_url]).exit_code == 0
    assert reading_themes(db_url, first)["price_value"] == "negative"  # the detector's reading, which the triager fixes
    # product_quality (the crushed box) is new to the reading; delivery, which it has as negative, would change nothing
    for theme, polarity in (("product_quality", "negative"), ("price_value", "positive")):
        done = runner.invoke(app, ["themes", "correct", str(first), "--add", theme, "--polarity", polarity,
                                   "--database-url", db_url])
        assert done.exit_code == 0, done.output
    assert {k: reading_themes(db_url, first)[k] for k in ("product_quality", "price_value")} == {
        "product_quality": "negative", "price_value": "positive"}

    from nlp.themes.corrections import corrections_file
    from umot.cli._training_from_store import export_theme_corrections

    assert "Acme: 1 correction" in export_theme_corrections(db_url, "Acme")
    [row] = [json.loads(line) for line in corrections_file(tmp_path / "data", "Acme").read_text().splitlines()]
    assert row["polarities"] == {"product_quality": "negative", "price_value": "positive"}

    twin = add_review(db_url, "2", TEXT.replace("though.", "though!!"))  # a re-post: same words
    assert runner.invoke(app, ["rescore", "--database-url", db_url]).exit_code == 0
    got = reading_themes(db_url, twin)
    assert (got["product_quality"], got["price_value"]) == ("negative", "positive")


def test_a_file_of_the_older_format_still_loads_and_keeps_the_detectors_polarity(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps({"text": TEXT, "added": ["delivery", "price_value"], "removed": [],
                                "polarity": "positive"}) + "\n", encoding="utf-8")
    memory = CorrectionMemory.load(path)
    # one polarity for every added theme may be right for one only: a theme the detector found keeps its own
    assert memory.apply(TEXT, {"price_value": "negative"}) == {"price_value": "negative", "delivery": "positive"}
    assert memory.version_suffix() == CorrectionMemory([Correction(TEXT, ("delivery", "price_value"), (),
                                                                   "positive")]).version_suffix()


def test_per_theme_polarities_round_trip_and_change_the_version(tmp_path: Path) -> None:
    path = tmp_path / "new.jsonl"
    fix = Correction(TEXT, ("delivery", "price_value"), (), {"delivery": "negative", "price_value": "positive"})
    CorrectionMemory.write(path, [fix])
    memory = CorrectionMemory.load(path)
    assert memory.apply(TEXT, {"price_value": "negative", "speed_wait": "negative"}) == {
        "price_value": "positive", "speed_wait": "negative", "delivery": "negative"}
    flipped = CorrectionMemory([Correction(TEXT, fix.added, (), {"delivery": "positive", "price_value": "positive"})])
    assert flipped.version_suffix() != memory.version_suffix()  # a changed polarity re-reads the brand


@pytest.mark.parametrize("polarities", [["negative"], {"delivery": 1}])
def test_a_bad_polarities_value_is_named_with_its_line(tmp_path: Path, polarities: object) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + json.dumps({"text": TEXT, "added": ["delivery"], "polarities": polarities}) + "\n")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not a theme correction"):
        CorrectionMemory.load(path)
