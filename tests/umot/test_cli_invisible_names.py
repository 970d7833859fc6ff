"""Brand and source names are visible text: a name of invisible characters only (``\\u200b``) made a brand no
one could see, which ``\\u2060`` then found too; a right-to-left override (``\\u202e``) turned a name round.
Both are one ``error:`` line (exit 2) and nothing is stored; the zero-width joiners Persian and Indic words
are spelt with are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.umot.name_checks import refused, stored_brands
from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "why"),
    [("\u200b", "has no visible character: names are visible text"),
     ("\u2060", "has no visible character: names are visible text"),
     ("Acme\u202eXL", "holds a text direction control (\\u202e): names read as written"),
     ("Acme\u2067XL", "holds a text direction control (\\u2067): names read as written"),
     ("\u200d", "has no visible character: names are visible text")],
)
def test_an_invisible_brand_is_refused(db_url: str, reviews: Path, tmp_path: Path, stored_sources: Any,
                                       name: str, why: str) -> None:
    shown = repr(name)[1:-1]
    done = runner.invoke(app, ["import", str(reviews), "--brand", name, "--create-brand", "--database-url", db_url])
    refused(done, f"--brand: brand name '{shown}' {why}")
    path = tmp_path / "umot.toml"
    added = runner.invoke(app, ["sources", "add", name, "s1", "--spider", "reddit",
                                "--config", str(path), "--database-url", db_url])
    refused(added, f"brand name '{shown}' {why}")
    assert stored_brands(db_url) == [] and stored_sources(db_url) == {} and not path.exists()


@pytest.mark.parametrize("name", ["\u200b", "s\u202e1"])
def test_an_invisible_source_name_is_refused(db_url: str, tmp_path: Path, stored_sources: Any, name: str) -> None:
    path = tmp_path / "umot.toml"
    added = runner.invoke(app, ["sources", "add", "Acme", name, "--spider", "reddit",
                                "--config", str(path), "--database-url", db_url])
    assert added.exit_code == 2 and added.stderr.startswith(f"error: source name '{repr(name)[1:-1]}' "), added.output
    assert "visible" in added.stderr or "direction" in added.stderr
    assert stored_sources(db_url) == {} and not path.exists()


def test_an_invisible_name_stored_before_is_found_by_itself_only(db_url: str, reviews: Path) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Brand

    with session_scope(get_engine(db_url)) as session:  # what an older umot let in
        session.add(Brand(name="\u200b"))
    other = runner.invoke(app, ["import", str(reviews), "--brand", "\u2060", "--database-url", db_url])
    assert other.exit_code == 2 and "'\\u2060'" in other.stderr and "1 new" not in other.output, other.output
    same = runner.invoke(app, ["import", str(reviews), "--brand", "\u200b", "--database-url", db_url])
    assert same.exit_code == 0 and "1 new" in same.output, same.output


@pytest.mark.parametrize("name", ["\u200f\u05e9\u05d5\u05e4\u05e8\u05e1\u05dc", "Caf\u00ade",
                                  "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f Pub"])
def test_marks_copied_with_a_real_name_are_kept(db_url: str, reviews: Path, name: str) -> None:
    """A right-to-left mark copied from a Hebrew page, a soft hyphen, a flag's tag characters: no direction
    is reversed and ``brand_key`` ignores them, so they make no look-alike brand."""
    done = runner.invoke(app, ["import", str(reviews), "--brand", name, "--create-brand", "--database-url", db_url])
    assert done.exit_code == 0 and "1 new" in done.output, done.output
    assert stored_brands(db_url) == [name]


def test_the_joiners_words_are_spelt_with_are_kept(db_url: str, reviews: Path) -> None:
    name = "\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645"  # a Persian name with a zero-width non-joiner
    done = runner.invoke(app, ["import", str(reviews), "--brand", name, "--create-brand", "--database-url", db_url])
    assert done.exit_code == 0 and "1 new" in done.output, done.output
    assert stored_brands(db_url) == [name]
