"""A source renamed, moved to another brand or deleted by hand in umot.toml was still crawled every night
(the sync never prunes, so its old row stayed enabled; a moved one fed both brands). The night crawls only
what the file lists, names each stored source it skips, and disables nothing; without a file, or with one
whose sources do not check, it crawls the stored sources as before; ``umot demo``'s are its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prefect.logging import disable_run_logger

from flows.nightly import nightly
from flows.report import render_report
from flows.tasks.plan import SourceNotFound, plan_run
from tests.flows.conftest import review_rows

FAST: dict[str, Any] = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)
TABLE = '[[sources]]\nbrand = "{}"\nname = "{}"\nspider = "schemaorg"\nurls = ["http://shop.test/{}/"]\n\n'


def _write(path: Path, *sources: tuple[str, str]) -> None:
    path.write_text("".join(TABLE.format(brand, name, name) for brand, name in sources), encoding="utf-8")


def _planned() -> list[tuple[str, str]]:
    with disable_run_logger():
        return sorted((s.brand, s.name) for s in plan_run.fn().sources)


def _enabled(store: str) -> list[tuple[int, str, bool]]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        return [(s.brand_id, s.name, s.enabled) for s in crud.list_sources(session)]


@pytest.mark.usefixtures("prefect_harness")
def test_a_renamed_source_is_skipped_with_a_warning_in_the_summary_and_report(
    store: str, fake_crawls: Any, fake_scorer: Any, tmp_path: Path
) -> None:
    config = tmp_path / "umot.toml"
    _write(config, ("Acme", "shop"))
    calls = fake_crawls({"shop": [review_rows("shop", 2)], "store": [review_rows("store", 3)]})
    assert nightly(**FAST).new_reviews == 2
    _write(config, ("Acme", "store"))  # renamed by hand
    result = nightly(**FAST)
    assert calls == ["shop", "store"] and result.new_reviews == 3
    line = (f"Acme/shop is stored but not listed in {config}: not crawled "
            "(`umot sources sync --prune` disables it)")
    assert result.config_warnings == [line]
    assert "> **Warning:** Acme/shop is stored but not listed in" in render_report(result)
    assert [(name, on) for _, name, on in _enabled(store)] == [("shop", True), ("store", True)]  # nothing disabled


def test_a_moved_or_deleted_source_is_not_crawled_and_not_disabled(store: str, tmp_path: Path) -> None:
    config = tmp_path / "umot.toml"
    _write(config, ("Acme", "blog"), ("Acme", "shop"))
    assert _planned() == [("Acme", "blog"), ("Acme", "shop")]
    _write(config, ("Globex", "blog"))  # blog moved to Globex, shop deleted
    assert _planned() == [("Globex", "blog")]  # Acme no longer fed by Globex's blog
    assert sorted(name for _, name, on in _enabled(store) if on) == ["blog", "blog", "shop"]
    with pytest.raises(SourceNotFound, match=r"no enabled source named 'shop' in the store that umot\.toml lists"):
        with disable_run_logger():
            plan_run.fn(source="shop")


def test_without_a_file_or_with_one_that_does_not_check_the_stored_sources_run(
    store: str, add_source: Any, tmp_path: Path
) -> None:
    add_source("Acme", "shop")
    assert _planned() == [("Acme", "shop")]  # no umot.toml: the store is the list
    config = tmp_path / "umot.toml"
    config.write_text(TABLE.format("Acme", "other", "o").replace("schemaorg", "nosuch"), encoding="utf-8")
    assert _planned() == [("Acme", "shop")]  # a source that does not check: nothing synced, the stored ones run
    config.write_text("[[sources]]\nbrand = ", encoding="utf-8")
    assert _planned() == [("Acme", "shop")]  # not TOML


def test_the_demos_own_sources_run_beside_a_file(store: str, add_source: Any, tmp_path: Path) -> None:
    """``umot demo`` registers its sources in the store only, for its own run (disabled after it)."""
    add_source("Acme Kitchen", "demo-site")
    _write(tmp_path / "umot.toml", ("Acme", "shop"))
    assert _planned() == [("Acme", "shop"), ("Acme Kitchen", "demo-site")]
    with disable_run_logger():
        assert [s.name for s in plan_run.fn(source="demo-site").sources] == ["demo-site"]
