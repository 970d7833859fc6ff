"""One rule for brand names (models.crud.brands): exact first, else the one brand equal under
Unicode casefold + NFKC + spacing; a near-duplicate is never created; competitor links and
umot.toml tables follow the same rule (SQLite's lower() folds ASCII only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session

from models import crud
from models.competitors_config import sync_links
from models.competitors_config_edits import add_links_to_config, remove_links_from_config
from models.crud.brands import BrandNameError, matching_brands
from models.crud.competitors import CompetitorError, all_links, find_brand, link_competitor
from models.crud.sources import find_source
from models.identity import brand_key
from models.tables import Brand


def _brands(session: Session, *names: str) -> dict[str, int]:
    """Brands stored as written (raw rows: also the near-duplicates the old code let in)."""
    rows = [Brand(name=name) for name in names]
    session.add_all(rows)
    session.flush()
    return {row.name: int(row.id or 0) for row in rows}


def test_brand_key_folds_case_unicode_form_and_spacing() -> None:
    assert brand_key("CAFÉ ÜBER") == brand_key("Café Über") == brand_key(" cafe\u0301  über ")
    assert brand_key("STRASSE") == brand_key("Straße")
    assert brand_key("Acme Kitchen") != brand_key("Acme-Kitchen") and brand_key("Cafe") != brand_key("Café")


def test_lookup_is_exact_first_then_the_one_casefold_match(session: Session) -> None:
    ids = _brands(session, "CAFÉ ÜBER", "Acme Kitchen", "TZ", "tz")
    def found(name: str) -> int | None:
        brand = crud.get_brand(session, name)
        return brand.id if brand is not None else None

    assert found("Café Über") == ids["CAFÉ ÜBER"]  # lower() in SQL missed this
    assert found(" acme   kitchen ") == ids["Acme Kitchen"]
    assert found("tz") == ids["tz"] and found("TZ") == ids["TZ"]
    assert crud.get_brand(session, "Tz") is None  # two brands from before the rule: no guess
    assert [b.name for b in matching_brands(session, "Tz")] == ["TZ", "tz"]
    assert crud.get_brand(session, "Nope") is None and crud.get_brand(session, "  ") is None


def test_a_near_duplicate_brand_is_never_created_the_stored_one_is_used(session: Session) -> None:
    acme = crud.get_or_create_brand(session, "TZ")
    assert crud.get_or_create_brand(session, " TZ ").id == acme.id  # the exact name: the brand itself
    assert crud.get_or_create_brand(session, "tz").id == acme.id  # the rule's match, as get_brand finds it
    cafe = crud.get_or_create_brand(session, "CAFÉ ÜBER")
    assert crud.get_or_create_brand(session, "café  über").id == cafe.id
    crud.get_or_create_brand(session, "Cafe")
    crud.get_or_create_brand(session, "Café")  # not the same name: slugs alike, the export tells them apart
    assert {b.name for b in crud.list_brands(session)} == {"CAFÉ ÜBER", "Cafe", "Café", "TZ"}


def test_a_name_several_old_brands_share_is_refused(session: Session) -> None:
    _brands(session, "TZ", "tz")
    with pytest.raises(BrandNameError, match=r"^brand 'Tz' could be 'TZ' and 'tz' \(.*\): give the exact name$"):
        crud.get_or_create_brand(session, "Tz")


def test_a_source_names_its_brand_by_the_rule(session: Session) -> None:
    crud.get_or_create_brand(session, "Acme")
    source = crud.add_source(session, brand="ACME", name="play", urls=["https://x.example"])
    assert [b.name for b in crud.list_brands(session)] == ["Acme"]
    found = find_source(session, "acme", "play")
    assert found is not None and found.id == source.id


def test_competitor_links_find_non_ascii_and_refuse_ambiguous_names(session: Session) -> None:
    _brands(session, "CAFÉ ÜBER", "Lumen Audio", "TZ", "tz")
    assert find_brand(session, "Café Über").name == "CAFÉ ÜBER"
    assert link_competitor(session, "café über", "LUMEN AUDIO") is True
    assert all_links(session) == [("CAFÉ ÜBER", "Lumen Audio")]
    with pytest.raises(CompetitorError, match=r"brand 'Tz' names 2 brands \(TZ, tz\): give one's exact name"):
        find_brand(session, "Tz")


def test_umot_toml_competitors_match_stored_brands_in_any_case(session: Session, tmp_path: Path) -> None:
    _brands(session, "CAFÉ ÜBER", "Lumen Audio", "Globex")
    config = tmp_path / "umot.toml"
    config.write_text('[[competitors]]\nbrand = "Café Über"\nrivals = ["lumen audio"]\n', encoding="utf-8")
    assert sync_links(session, config) == 1 and all_links(session) == [("CAFÉ ÜBER", "Lumen Audio")]
    add_links_to_config(config, "CAFÉ ÜBER", ["Lumen Audio", "Globex"])  # the same table, no second Lumen
    assert config.read_text(encoding="utf-8").count("[[competitors]]") == 1
    assert 'rivals = ["lumen audio", "Globex"]' in config.read_text(encoding="utf-8")
    assert remove_links_from_config(config, "CAFÉ ÜBER", ["LUMEN AUDIO"]) == [True]
