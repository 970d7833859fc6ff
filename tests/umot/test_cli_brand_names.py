"""Brand names on the command line: one rule everywhere (exact, else any case or Unicode form),
no near-duplicate created (--create-brand finds the stored one), and `umot rescore` counting the brands whose reviews it read."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.umot.name_checks import stored_brands
from umot.cli import app

runner = CliRunner()


def _invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    file = tmp_path / "c.csv"
    file.write_text("id,text,date\nc2,Terrible espresso,2026-12-01\n", encoding="utf-8")
    return file


def test_create_brand_finds_a_brand_stored_in_another_case(db_url: str, reviews: Path) -> None:
    """--create-brand adds a brand only when the store's rule finds none: "tz" is the stored "TZ"."""
    assert _invoke("import", str(reviews), "--brand", "TZ", "--create-brand", "--database-url", db_url).exit_code == 0
    again = _invoke("import", str(reviews), "--brand", "tz", "--create-brand", "--database-url", db_url)
    assert again.exit_code == 0 and "into 'TZ'" in again.output, again.output
    found = _invoke("import", str(reviews), "--brand", "tz", "--database-url", db_url)  # a lookup: any case
    assert found.exit_code == 0 and "into 'TZ'" in found.output, found.output
    crawl = _invoke("crawl", "http://127.0.0.1:9/", "--brand", "tz", "--create-brand", "--database-url", db_url)
    assert "Traceback" not in crawl.output and "already stored as" not in crawl.output, crawl.output
    assert stored_brands(db_url) == ["TZ"]


def test_non_ascii_brand_found_by_export_link_and_list(db_url: str, reviews: Path, tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    common = ["--database-url", db_url]
    assert _invoke("import", str(reviews), "--brand", "CAFÉ ÜBER", "--create-brand", *common).exit_code == 0
    assert _invoke("import", str(reviews), "--brand", "Lumen Audio", "--create-brand", *common).exit_code == 0
    export = _invoke("export", "--week", "2026-W49", "--brand", "CAFÉ ÜBER", "--out", str(tmp_path / "ex"), *common)
    assert export.exit_code == 0 and "detractors-cafe-uber-2026-W49.csv" in export.output, export.output
    export = _invoke("export", "--week", "2026-W49", "--brand", "café über", "--out", str(tmp_path / "ex"), *common)
    assert export.exit_code == 0, export.output
    link = _invoke("brands", "link", "Café Über", "-c", "lumen audio", "--config", str(config), *common)
    assert link.exit_code == 0 and "CAFÉ ÜBER: 1 new competitor (Lumen Audio)" in link.output, link.output
    config.write_text('[[competitors]]\nbrand = "Café Über"\nrivals = ["Lumen Audio"]\n', encoding="utf-8")
    listed = _invoke("brands", "list", "--config", str(config), *common)
    assert listed.exit_code == 0 and "CAFÉ ÜBER\trivals: Lumen Audio" in listed.output, listed.output


def test_detractors_and_rescore_take_a_brand_in_any_case(db_url: str, reviews: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    assert _invoke("import", str(reviews), "--brand", "Acme Kitchen", "--create-brand", "--database-url", db_url).exit_code == 0
    listed = _invoke("detractors", "list", "--brand", "acme kitchen", "--database-url", db_url)
    assert listed.exit_code == 0, listed.output
    done = _invoke("rescore", "--brand", "ACME KITCHEN", "--database-url", db_url)
    assert done.exit_code == 0 and "read themes and stages of 1 review in 1 brand" in done.output, done.output


def test_rescore_counts_the_brands_whose_reviews_it_read(db_url: str, reviews: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    common = ["--database-url", db_url]
    for brand in ("Acme", "Globex", "Initech"):
        assert _invoke("import", str(reviews), "--brand", brand, "--create-brand", *common).exit_code == 0
    assert "of 1 review in 1 brand" in _invoke("rescore", "--brand", "Acme", *common).output
    rest = _invoke("rescore", *common)  # Acme was read already: 2 brands' reviews, not 3 brands
    assert rest.exit_code == 0 and rest.output.strip() == "read themes and stages of 2 reviews in 2 brands"
    none = _invoke("rescore", *common)
    assert none.output.strip() == ("read themes and stages of 0 reviews: every review of the 3 brands has a "
                                   "current reading (--all reads them again)")


def test_theme_for_a_brand_umot_does_not_follow_is_refused(db_url: str, tmp_path: Path, reviews: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))  # the default store: not there
    config = tmp_path / "umot.toml"
    config.write_text('# kept\n[[sources]]\nbrand = "Globex"\nname = "play"\nspider = "googleplay"\n', encoding="utf-8")
    before = config.read_text(encoding="utf-8")
    nope = _invoke("themes", "add", "Nope Brand", "thing", "-d", "x", "-e", "thing", "--config", str(config))
    assert nope.exit_code == 2 and len(nope.output.strip().splitlines()) == 1, nope.output
    assert f"no brand 'Nope Brand' in the store or in {config}'s [[sources]] (brands: Globex)" in nope.output
    assert config.read_text(encoding="utf-8") == before and not (tmp_path / "data").exists()  # no store made
    common = ["--config", str(config), "--database-url", db_url]
    assert _invoke("themes", "add", "globex", "parking", "-d", "x", "-e", "parking", *common).exit_code == 0
    assert _invoke("import", str(reviews), "--brand", "Acme", "--create-brand", "--database-url", db_url).exit_code == 0
    stored = _invoke("themes", "add", "ACME", "loyalty_card", "-d", "the card", "-e", "loyalty card", *common)
    assert stored.exit_code == 0, stored.output
    text = config.read_text(encoding="utf-8")
    assert 'brand = "Globex"\nname = "parking"' in text and 'brand = "Acme"\nname = "loyalty_card"' in text
    listed = _invoke("themes", "list", "--brand", "acme", *common)  # Acme is in the store, not the file
    assert "loyalty_card" in listed.output  # a brand's themes are found in any case, as the store finds it


def test_a_description_or_example_of_two_lines_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    config.write_text('[[sources]]\nbrand = "Acme"\nname = "play"\nspider = "googleplay"\n', encoding="utf-8")
    before = config.read_text(encoding="utf-8")
    for args in (["-d", "two\nlines", "-e", "t"], ["-d", "one line", "-e", "t", "-e", "two\nlines"]):
        result = _invoke("themes", "add", "Acme", "t", *args, "--config", str(config))
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
        assert f"{config}: brand 'Acme': theme 't':" in result.output and "'two\\nlines' must be one line" in result.output
    assert config.read_text(encoding="utf-8") == before
    config.write_text(before + '[[themes]]\nbrand = "Acme"\nname = "t"\ndescription = """two\nlines"""\n'
                      'examples = ["t"]\n', encoding="utf-8")
    listed = _invoke("themes", "list", "--config", str(config))  # a hand edit: the same check
    assert listed.exit_code == 2 and listed.output.strip().splitlines() == [
        f"error: {config}: brand 'Acme': theme 't': description 'two\\nlines' must be one line"]
