"""``umot run --source NAME`` for a source umot.toml no longer lists (renamed, moved, deleted by hand):
one line before the run starts, saying it is stored but skipped and how to disable it, not a run that
crawls it anyway (or finds nothing to crawl after 20 s of starting Prefect)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from umot.cli._run_checks import check_run_arguments

TABLE = '[[sources]]\nbrand = "Acme"\nname = "{0}"\nspider = "schemaorg"\nurls = ["http://shop.test/{0}/"]\n'


def test_an_unlisted_source_named_by_run_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.db import dispose_engines, init_db

    store = f"sqlite:///{tmp_path / 'umot.db'}"
    init_db(store)
    config = tmp_path / "umot.toml"
    config.write_text(TABLE.format("shop"), encoding="utf-8")
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    monkeypatch.setenv("UMOT_DATABASE_URL", store)  # check_run_arguments sets it: undone after the test
    check_run_arguments(store, source="shop", model="fast")  # listed: fine
    config.write_text(TABLE.format("store"), encoding="utf-8")  # renamed by hand
    check_run_arguments(store, source="store", model="fast")
    with pytest.raises(typer.Exit) as stopped:
        check_run_arguments(store, brand="acme", source="shop", model="fast")
    assert stopped.value.exit_code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == (f"error: no enabled source named 'shop' of brand 'acme' is listed in {config}: Acme/shop is "
                    "stored but not listed, so the run skips it (`umot sources sync --prune` disables it)")
    dispose_engines()
