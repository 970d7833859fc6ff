"""Competitor links: one-way, between known brands, never to itself, never a cycle; umot.toml sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session

from models import crud
from models.competitors_config import load_links, sync_links
from models.competitors_config_edits import add_links_to_config, remove_links_from_config
from models.crud.competitors import CompetitorError, all_links, competitors_of, link_competitor, unlink_competitor


@pytest.fixture
def brands(session: Session) -> dict[str, int]:
    return {name: crud.get_or_create_brand(session, name).id for name in ("Acme", "Globex", "Initech", "Umbrella")}


def test_links_are_one_way_and_idempotent(session: Session, brands) -> None:
    assert link_competitor(session, "acme", "Globex") is True
    assert link_competitor(session, "Acme", "globex") is False
    link_competitor(session, "Acme", "Initech")
    assert [b.name for b in competitors_of(session, brands["Acme"])] == ["Globex", "Initech"]
    assert competitors_of(session, brands["Globex"]) == []
    assert all_links(session) == [("Acme", "Globex"), ("Acme", "Initech")]
    assert unlink_competitor(session, "Acme", "Globex") is True and unlink_competitor(session, "Acme", "Globex") is False


def test_bad_links_are_refused_with_the_brands_named(session: Session, brands) -> None:
    with pytest.raises(CompetitorError, match="Acme cannot be its own competitor"):
        link_competitor(session, "Acme", "ACME")
    with pytest.raises(CompetitorError, match=r"unknown brand 'Nope'.*known brands: Acme, Globex, Initech, Umbrella"):
        link_competitor(session, "Acme", "Nope")
    link_competitor(session, "Acme", "Globex")
    link_competitor(session, "Globex", "Initech")
    with pytest.raises(CompetitorError, match=r"Initech -> Acme would make a cycle \(Acme -> Globex -> Initech -> Acme\)"):
        link_competitor(session, "Initech", "Acme")
    with pytest.raises(CompetitorError, match="cycle"):
        link_competitor(session, "Globex", "Acme")
    assert all_links(session) == [("Acme", "Globex"), ("Globex", "Initech")]  # nothing stored lost or added


def test_the_file_keeps_comments_and_syncs_into_the_store(session: Session, brands, tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    path.write_text('# our brands\n[[sources]]\nbrand = "Acme"\nname = "tp"\nspider = "trustpilot"\n', encoding="utf-8")
    add_links_to_config(path, "Acme", ["Globex"])
    add_links_to_config(path, "Acme", ["Initech", "globex"])  # globex: already there
    assert load_links(path) == [("Acme", "Globex"), ("Acme", "Initech")]
    assert path.read_text(encoding="utf-8").startswith("# our brands\n[[sources]]")
    assert sync_links(session, path) == 2 and sync_links(session, path) == 0
    assert remove_links_from_config(path, "Acme", ["Globex", "globex"]) == [True, False]  # named twice: removed once
    assert remove_links_from_config(path, "Acme", ["Globex"]) == [False]
    assert remove_links_from_config(path, "Acme", ["Nobody", "Initech"]) == [False, True]
    assert load_links(path) == [] and "[[competitors]]" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ('[[competitors]]\nbrand = "Acme"\nrivals = "Globex"\n', r"\[\[competitors\]\] #1 \(Acme\): 'rivals' must be a list"),
    ('[[competitors]]\nrivals = ["Globex"]\n', r"\[\[competitors\]\] #1: 'brand' must be a brand name"),
    ('[[competitors]]\nbrand = "Acme"\nrivals = ["Nobody"]\n', r"umot.toml: unknown brand 'Nobody'"),
    ('[[competitors]]\nbrand = "Acme"\nrivals = ["Globex"]\n[[competitors]]\nbrand = "Globex"\nrivals = ["Acme"]\n',
     "umot.toml: linking Globex -> Acme would make a cycle"),
])
def test_a_bad_file_stops_the_sync(session: Session, brands, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CompetitorError, match=message):
        sync_links(session, path)


@pytest.mark.parametrize("text, message", [
    ('competitors = "Globex"\n', r"umot.toml: 'competitors' must be \[\[competitors\]\] tables"),
    ('[[competitors]]\nbrand = "Acme"\nrivals = "Globex"\n', r"\[\[competitors\]\] #1 \(Acme\): 'rivals' must be a list"),
    ('[[competitors]]\nrivals = ["Globex"]\n', r"\[\[competitors\]\] #1: 'brand' must be a brand name"),
])
def test_a_bad_file_is_refused_by_link_and_unlink_and_left_as_it_is(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "umot.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CompetitorError, match=message):
        add_links_to_config(path, "Acme", ["Initech"])
    with pytest.raises(CompetitorError, match=message):
        remove_links_from_config(path, "Acme", ["Globex"])
    assert path.read_text(encoding="utf-8") == text


def test_several_rivals_cost_one_read_and_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.competitors_config_edits as config

    path = tmp_path / "umot.toml"
    path.write_text("", encoding="utf-8")
    reads, writes = [], []
    real_read, real_write = config.read_document, config.write_document
    monkeypatch.setattr(config, "read_document", lambda p: reads.append(p) or real_read(p))
    monkeypatch.setattr(config, "write_document", lambda p, d: writes.append(p) or real_write(p, d))
    add_links_to_config(path, "Acme", ["Globex", "Initech", "Umbrella"])
    assert (len(reads), len(writes)) == (1, 1)
    assert load_links(path) == [("Acme", "Globex"), ("Acme", "Initech"), ("Acme", "Umbrella")]
    assert remove_links_from_config(path, "Acme", ["Globex", "Umbrella"]) == [True, True]
    assert (len(reads), len(writes)) == (2, 2)
    assert remove_links_from_config(path, "Acme", ["Nobody"]) == [False]
    assert (len(reads), len(writes)) == (3, 2)  # nothing listed: the file is not rewritten
    assert load_links(path) == [("Acme", "Initech")]
