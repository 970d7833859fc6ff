"""sync_sources without --prune: the enabled stored sources the file no longer lists are named (the night
skips them, ``umot sources sync`` counts them), never disabled; ``--prune`` still disables them."""

from __future__ import annotations

from pathlib import Path

from crawlers.sources_sync import SyncResult, sync_sources

TABLE = '[[sources]]\nbrand = "{}"\nname = "{}"\nspider = "feed"\nurls = ["http://blog.example/feed"]\n\n'


def _sync(db_url: str, path: Path, *, prune: bool = False) -> SyncResult:
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return sync_sources(session, path, prune=prune)


def test_a_source_the_file_no_longer_lists_is_named_and_kept(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(TABLE.format("Acme", "blog") + TABLE.format("Acme", "shop"), encoding="utf-8")
    assert _sync(db_url, path).unlisted == {}
    path.write_text(TABLE.format("Globex", "blog"), encoding="utf-8")  # blog moved to Globex, shop deleted
    moved = _sync(db_url, path)
    assert sorted(moved.unlisted.values()) == ["Acme/blog", "Acme/shop"] and moved.disabled == []
    assert moved.summary() == ("1 added, 0 updated, 0 unchanged, 0 disabled, 2 not in the file (not crawled by "
                               "`umot run`; --prune disables them: Acme/blog, Acme/shop)")
    assert _sync(db_url, tmp_path / "none.toml").unlisted == {}  # no file: nothing to compare with
    pruned = _sync(db_url, path, prune=True)
    assert sorted(pruned.disabled) == ["Acme/blog", "Acme/shop"] and pruned.unlisted == {}
    assert _sync(db_url, path).unlisted == {}  # disabled: nothing to skip any more
