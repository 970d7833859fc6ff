"""``umot sources sync --prune`` refuses a file that may list sources it does not read: a misspelt
``[[source]]`` printed "check its spelling", then disabled every stored source (exit 0). One line, exit 2,
nothing changed; ``sources = []`` still says there are none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from crawlers.sources_sync import sync_sources
from models.sources_config import SourcesConfigError
from umot.cli import app

runner = CliRunner()
TABLE = '[[{}]]\nbrand = "Acme"\nname = "{}"\nspider = "feed"\nurls = ["https://a.example/{}"]\n\n'


@pytest.fixture
def stored(db_url: str) -> str:
    """Acme's sources blog and shop, enabled."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        for name in ("blog", "shop"):
            crud.add_source(session, brand="Acme", name=name, urls=[f"https://a.example/{name}"], spider="feed")
    return db_url


def _enabled(db_url: str, stored_sources: Any) -> list[str]:
    return sorted(name for (_, name), row in stored_sources(db_url).items() if row.enabled)


def _prune(path: Path, db_url: str) -> Result:
    return runner.invoke(app, ["sources", "sync", "--prune", "--config", str(path), "--database-url", db_url])


def test_a_misspelt_table_is_not_pruned(tmp_path: Path, stored: str, stored_sources: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(TABLE.format("source", "blog", "blog") + TABLE.format("source", "shop", "shop"), encoding="utf-8")
    result = _prune(path, stored)
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.strip() == (f"error: {path}: 'source' is not read by umot (it reads [[competitors]], "
                                     "[[sources]], [[themes]]); check its spelling: --prune would disable the "
                                     "sources it lists (nothing changed)")
    assert _enabled(stored, stored_sources) == ["blog", "shop"]


def test_a_misspelt_table_beside_a_good_one_is_not_pruned(tmp_path: Path, stored: str, stored_sources: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(TABLE.format("sources", "blog", "blog") + TABLE.format("Sources", "shop", "shop"), encoding="utf-8")
    assert _prune(path, stored).exit_code == 2
    assert _enabled(stored, stored_sources) == ["blog", "shop"]


def test_a_file_without_sources_is_not_pruned(tmp_path: Path, stored: str, stored_sources: Any) -> None:
    from models.db import get_engine, session_scope

    path = tmp_path / "umot.toml"
    path.write_text("# nothing here yet\n", encoding="utf-8")
    result = _prune(path, stored)
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.strip() == (f"error: {path}: no [[sources]] tables: --prune would disable every stored "
                                     "source (nothing changed; `sources = []` says there are none)")
    with pytest.raises(SourcesConfigError), session_scope(get_engine(stored)) as session:
        sync_sources(session, path, prune=True)
    assert _enabled(stored, stored_sources) == ["blog", "shop"]


def test_an_empty_list_of_sources_and_a_listed_one_still_prune(tmp_path: Path, stored: str, stored_sources: Any) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(TABLE.format("sources", "blog", "blog"), encoding="utf-8")
    kept = _prune(path, stored)
    assert kept.exit_code == 0 and "1 disabled" in kept.stdout, kept.output
    assert _enabled(stored, stored_sources) == ["blog"]
    path.write_text("sources = []\n", encoding="utf-8")
    assert _prune(path, stored).exit_code == 0
    assert _enabled(stored, stored_sources) == []
