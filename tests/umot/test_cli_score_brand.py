"""``umot score --brand``: a brand umot.toml or the store knows. An unknown one (a typo) was accepted and
scored without that brand's own themes, saying nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app
from umot.cli._score_checks import check_brand

runner = CliRunner()
THEMES = '[[themes]]\nbrand = "Acme"\nname = "loyalty_card"\ndescription = "the card"\nexamples = ["loyalty card"]\n'
SOURCES = '[[sources]]\nbrand = "Northwind"\nname = "shop"\nurls = ["https://shop.example/"]\n'


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "umot.toml"
    config.write_text(THEMES + SOURCES, encoding="utf-8")
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    return config


def test_an_unknown_brand_is_one_line_before_the_model_loads(tmp_path: Path, _config: Path) -> None:
    file, out = tmp_path / "in.csv", tmp_path / "out.csv"
    file.write_text("text\nhello\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(file), "-o", str(out), "--brand", "Acmee"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"error: --brand 'Acmee': no such brand in {_config} or the store (brands: Acme, Northwind)"
    )
    assert not out.exists() and not (tmp_path / "data").exists()  # no store made to look in


@pytest.mark.parametrize("brand", ["Acme", "acme", "Northwind", None])
def test_brands_umot_toml_names_are_accepted(brand: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without asking the store: scoring a file needs none (a store that is down failed it)."""
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    check_brand(brand)  # themes, sources, any case; none given: nothing to check


def test_a_brand_only_the_store_holds_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models import crud
    from models.db import init_db, session_scope

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with session_scope(init_db(url)) as session:
        crud.get_or_create_brand(session, "Imported Co")
    monkeypatch.setenv("UMOT_DATABASE_URL", url)
    check_brand("imported co")
