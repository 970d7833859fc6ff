"""Names are one line of visible text: a control character or line break in a brand, source or
user name is one ``error:`` line (exit 2) and nothing is stored; an invisible character does not
make a second brand (``Acme\\u200b`` is Acme); `--create-brand` with a name the store's rule
matches uses that brand, as the command without the flag does; an empty `--source` is the option's
error, not the file's."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.identity import brand_key
from tests.umot.name_checks import refused, stored_brands
from umot.cli import app

runner = CliRunner()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> str:
    """A migrated store holding the brand Acme (PostgreSQL: skipped without a server)."""
    from models import crud
    from models.db import get_engine, init_db, session_scope

    url: str = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_database")
    init_db(url)
    with session_scope(get_engine(url)) as session:
        crud.get_or_create_brand(session, "Acme")
    return url


@pytest.mark.parametrize("name", ["B\nC", "B\tC", "B\x00C", "B\u2028C", "B\x85C"])
def test_a_brand_name_with_a_control_character_is_refused(store: str, reviews: Path, name: str) -> None:
    """`B\\nC` was stored and `brands list` printed it as two lines; PostgreSQL refused NUL with a traceback."""
    done = runner.invoke(app, ["import", str(reviews), "--brand", name, "--create-brand", "--database-url", store])
    shown = repr(name)[1:-1]
    refused(done, f"--brand: brand name '{shown}' holds a control character "
                  f"({ascii(name[1])[1:-1]}): names are one line of text")
    assert stored_brands(store) == ["Acme"]


def test_an_invisible_character_does_not_make_a_second_brand(store: str, reviews: Path) -> None:
    assert brand_key("Acme\u200b") == brand_key("\ufeffAC\u200dME") == brand_key("Acme") == "acme"
    done = runner.invoke(app, ["import", str(reviews), "--brand", "Acme\u200b", "--create-brand", "--database-url", store])
    assert done.exit_code == 0 and "into 'Acme'" in done.output, done.output
    assert stored_brands(store) == ["Acme"]


def test_create_brand_uses_the_brand_the_rule_finds(store: str, reviews: Path) -> None:
    """Was refused as a near-duplicate, though the same command without --create-brand found Acme."""
    done = runner.invoke(app, ["import", str(reviews), "--brand", "ACME", "--create-brand", "--database-url", store])
    assert done.exit_code == 0 and "into 'Acme': 1 new" in done.output, done.output
    crawl = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--brand", "acme", "--create-brand",
                                "--database-url", store])
    assert "near" not in crawl.output and "already stored as" not in crawl.output, crawl.output
    assert stored_brands(store) == ["Acme"]


def test_several_brands_from_before_the_rule_are_still_refused(db_url: str, reviews: Path) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Brand

    with session_scope(get_engine(db_url)) as session:  # the near-duplicates an older umot let in
        session.add_all([Brand(name="TZ"), Brand(name="tz")])
    done = runner.invoke(app, ["import", str(reviews), "--brand", "Tz", "--create-brand", "--database-url", db_url])
    assert done.exit_code == 2 and "could be 'TZ' and 'tz'" in done.stderr, done.output
    assert stored_brands(db_url) == ["TZ", "tz"]


def test_a_source_name_with_a_line_break_is_refused(store: str, tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    done = runner.invoke(app, ["sources", "add", "Acme", "new\nline", "--spider", "reddit",
                               "--config", str(path), "--database-url", store])
    refused(done, "source name 'new\\nline' holds a control character (\\n): names are one line of text")
    assert not path.exists()


def test_a_source_with_a_control_character_in_the_file_is_skipped(store: str, tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('[[sources]]\nbrand = "Acme"\nname = "a\\u0007b"\nspider = "reddit"\n\n'
                    '[[sources]]\nbrand = "Acme"\nname = "ok"\nspider = "reddit"\n', encoding="utf-8")
    done = runner.invoke(app, ["sources", "sync", "--config", str(path), "--database-url", store])
    assert done.exit_code == 0 and "1 added" in done.stdout and "1 skipped" in done.stdout, done.output
    assert "source #1: source name 'a\\x07b' holds a control character" in done.stderr


@pytest.mark.parametrize("email", ["eve\n@x.y", "bo b@x.y", "eve@x.y\t", "eve\u200b@x.y", "eve@x.y\u2029"])
def test_an_email_with_whitespace_or_a_control_character_is_refused(store: str, email: str) -> None:
    done = runner.invoke(app, ["users", "add", email, "--brand", "Acme", "--database-url", store],
                         env={"UMOT_USER_PASSWORD": "long enough pw"})
    refused(done, f"not an email address: {email!r} (NAME@DOMAIN, and no spaces, line breaks or invisible characters)")


def test_stored_names_from_before_are_still_found(db_url: str, reviews: Path) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Brand

    with session_scope(get_engine(db_url)) as session:
        session.add(Brand(name="Old\tBrand"))
    done = runner.invoke(app, ["import", str(reviews), "--brand", "Old\tBrand", "--database-url", db_url])
    assert done.exit_code == 0 and "into 'Old\\tBrand'" in done.output, done.output


@pytest.mark.parametrize("label", ["", "   "])
def test_an_empty_source_label_is_the_options_error(store: str, reviews: Path, label: str) -> None:
    """Was `error: ok.csv: review row 0: source: missing or empty` (the file blamed, a 0-based row)."""
    done = runner.invoke(app, ["import", str(reviews), "--brand", "Acme", "--source", label, "--database-url", store])
    refused(done, "--source is empty: give a label, or leave it out (default: import:<file name>)")


def test_a_source_label_with_a_line_break_is_refused(store: str, reviews: Path) -> None:
    done = runner.invoke(app, ["import", str(reviews), "--brand", "Acme", "--source", "a\nb", "--database-url", store])
    refused(done, "--source holds a control character (\\n): names are one line of text")
