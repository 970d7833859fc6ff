"""`umot brands link / unlink / list`: rivals kept in umot.toml and the store, bad links refused."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from umot.cli import app


def _store(db_url: str, *names: str) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        for name in names:
            crud.get_or_create_brand(session, name)


def _links(db_url: str) -> list[tuple[str, str]]:
    from models.crud.competitors import all_links
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return all_links(session)


def test_link_list_unlink(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Acme", "Globex", "Initech")
    config = tmp_path / "umot.toml"
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    done = runner.invoke(app, ["brands", "link", "acme", "--competitor", "Globex", "-c", "initech", *common])
    assert done.exit_code == 0, done.output
    assert "Acme: 2 new competitors (Globex, Initech)" in done.output
    assert 'brand = "Acme"\nrivals = ["Globex", "Initech"]' in config.read_text(encoding="utf-8")
    listed = runner.invoke(app, ["brands", "list", *common])
    assert "Acme\trivals: Globex, Initech" in listed.output and "Globex\trivals: -" in listed.output
    gone = runner.invoke(app, ["brands", "unlink", "Acme", "-c", "Initech", *common])
    assert gone.exit_code == 0 and _links(db_url) == [("Acme", "Globex")]
    again = runner.invoke(app, ["brands", "unlink", "Acme", "-c", "Initech", *common])
    assert again.exit_code == 2 and "error: Acme has no such competitor: Initech" in again.output


def test_bad_links_exit_2_and_change_nothing(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Acme", "Globex")
    config = tmp_path / "umot.toml"
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["brands", "link", "Acme", "-c", "Globex", *common]).exit_code == 0
    before = config.read_text(encoding="utf-8")
    for rivals, message in [
        (["Acme"], "error: Acme cannot be its own competitor"),
        (["Nope"], "error: unknown brand 'Nope'"),
    ]:
        result = runner.invoke(app, ["brands", "link", "Acme", *[a for r in rivals for a in ("-c", r)], *common])
        assert result.exit_code == 2 and message in result.output, result.output
    cycle = runner.invoke(app, ["brands", "link", "Globex", "-c", "Acme", *common])
    assert cycle.exit_code == 2 and "would make a cycle (Acme -> Globex -> Acme)" in cycle.output
    assert config.read_text(encoding="utf-8") == before and _links(db_url) == [("Acme", "Globex")]


def test_unlink_several_counts_each_rival_once_from_the_store_or_the_file(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Acme", "Globex", "Initech", "Umbrella")
    config = tmp_path / "umot.toml"
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["brands", "link", "Acme", "-c", "Globex", "-c", "Initech", *common]).exit_code == 0
    config.write_text('[[competitors]]\nbrand = "Acme"\nrivals = ["Globex", "Umbrella"]\n', encoding="utf-8")
    # Globex: store and file; Initech: the store only; Umbrella: the file only (a hand edit not synced yet)
    gone = runner.invoke(app, ["brands", "unlink", "Acme", "-c", "Globex", "-c", "Initech", "-c", "umbrella", *common])
    assert gone.exit_code == 0, gone.output
    assert "Acme: 3 competitors removed" in gone.output
    assert _links(db_url) == [] and "[[competitors]]" not in config.read_text(encoding="utf-8")


def test_list_shows_the_good_links_and_names_a_bad_one(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Acme", "Globex", "Initech")
    config = tmp_path / "umot.toml"
    config.write_text('[[competitors]]\nbrand = "Acme"\nrivals = ["Globex", "Nope"]\n\n'
                      '[[competitors]]\nbrand = "Initech"\nrivals = ["Globex"]\n', encoding="utf-8")
    listed = CliRunner().invoke(app, ["brands", "list", "--config", str(config), "--database-url", db_url])
    assert listed.exit_code == 2, listed.output
    assert "Acme\trivals: Globex" in listed.output and "Initech\trivals: Globex" in listed.output
    assert "link Acme -> Nope skipped: unknown brand 'Nope'" in listed.output
    assert _links(db_url) == [("Acme", "Globex"), ("Initech", "Globex")]


def test_unlink_empties_every_table_of_the_brand_so_the_sync_keeps_it_gone(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Zed Co", "Globex", "Initech")
    config = tmp_path / "umot.toml"
    config.write_text('# rivals\n[[competitors]]\nbrand = "zed co"\nrivals = ["Globex"]\n\n'
                      '[[competitors]]\nbrand = "Zed Co"\nrivals = ["globex", "Initech"]\n', encoding="utf-8")
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["brands", "list", *common]).exit_code == 0
    gone = runner.invoke(app, ["brands", "unlink", "ZED CO", "-c", "Globex", *common])
    assert gone.exit_code == 0 and "Zed Co: 1 competitor removed" in gone.output, gone.output
    text = config.read_text(encoding="utf-8")
    assert "Globex" not in text.replace("globex", "Globex") and text.startswith("# rivals\n")
    assert 'brand = "Zed Co"\nrivals = ["Initech"]' in text and 'brand = "zed co"' not in text  # emptied: gone
    listed = runner.invoke(app, ["brands", "list", *common])  # the sync a night runs too
    assert "Zed Co\trivals: Initech" in listed.output and _links(db_url) == [("Zed Co", "Initech")]


def test_unlink_takes_a_name_no_brand_has_out_of_the_file(db_url: str, tmp_path: Path) -> None:
    _store(db_url, "Acme", "Lumen Audio")
    config = tmp_path / "umot.toml"
    config.write_text('[[competitors]]\nbrand = "Acme"\nrivals = ["Lumen Audoi", "Lumen Audio"]\n\n'
                      '[[competitors]]\nbrand = "Acme Kitchn"\nrivals = ["Lumen Audio"]\n', encoding="utf-8")
    common = ["--config", str(config), "--database-url", db_url]
    runner = CliRunner()
    typo = runner.invoke(app, ["brands", "unlink", "Acme", "-c", "lumen audoi", *common])
    assert typo.exit_code == 0, typo.output
    assert "Acme: 1 competitor removed" in typo.output
    assert f"lumen audoi: no stored brand has that name, removed from {config} only" in typo.output
    brand_typo = runner.invoke(app, ["brands", "unlink", "Acme Kitchn", "-c", "Lumen Audio", *common])
    assert brand_typo.exit_code == 0 and "Acme Kitchn: no stored brand has that name" in brand_typo.output
    assert config.read_text(encoding="utf-8") == '[[competitors]]\nbrand = "Acme"\nrivals = ["Lumen Audio"]\n\n'
    before = config.read_text(encoding="utf-8")
    for args, message in [
        (["Acme", "-c", "Nope"], f"error: Acme has no competitor 'Nope': no stored brand has that name and {config}"),
        (["Nobody", "-c", "Lumen Audio"], "error: unknown brand 'Nobody': no stored brand has that name"),
    ]:
        refused = runner.invoke(app, ["brands", "unlink", *args, *common])
        assert refused.exit_code == 2 and message in refused.output, refused.output
    assert config.read_text(encoding="utf-8") == before


def test_linking_rivals_again_says_they_were_already_linked(db_url: str, tmp_path: Path) -> None:
    """Not "0 new competitors (Globex, Initech)": the line names which rivals are new and which were linked."""
    _store(db_url, "Acme", "Globex", "Initech")
    common = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    runner = CliRunner()
    assert runner.invoke(app, ["brands", "link", "Acme", "-c", "Globex", *common]).exit_code == 0
    more = runner.invoke(app, ["brands", "link", "Acme", "-c", "Initech", "-c", "globex", *common])
    assert more.output.startswith("Acme: 1 new competitor (Initech); Globex already linked, kept in "), more.output
    again = runner.invoke(app, ["brands", "link", "Acme", "-c", "Globex", "-c", "Initech", "-c", "Globex", *common])
    assert again.exit_code == 0 and again.output.startswith("Acme: Globex, Initech already linked, kept in "), again.output


def test_unlink_help_says_what_competitor_means_there() -> None:
    """unlink shared link's --competitor help: "it needs sources of its own" is for a rival being linked."""
    output = CliRunner().invoke(app, ["brands", "unlink", "--help"], env={"COLUMNS": "250"}, terminal_width=250).output
    assert "A rival to stop comparing the brand with (repeatable)" in output and "sources of its own" not in output
