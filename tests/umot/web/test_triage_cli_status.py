"""``umot detractors list --status all``: the web queue's "All" tab from scripts."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _ids(url: str, *status: str) -> list[int]:
    r = runner.invoke(app, ["detractors", "list", *status, "--format", "json", "--database-url", url])
    assert r.exit_code == 0, r.output
    return [row["flag_id"] for row in json.loads(r.output)]


def test_status_all_lists_every_status_like_the_web_tab(seeded) -> None:
    flag_id = seeded.flags["a1"]
    r = runner.invoke(app, ["detractors", "set", str(flag_id), "--status", "resolved", "--database-url", seeded.url])
    assert r.exit_code == 0, r.output
    every = _ids(seeded.url, "--status", "all")
    assert flag_id in every and flag_id not in _ids(seeded.url, "--status", "open")
    assert sorted(every) == sorted(_ids(seeded.url))  # the same as no --status
    assert len(every) == len(_ids(seeded.url, "--status", "open")) + 1


def test_unknown_status_names_all_among_the_choices(seeded) -> None:
    r = runner.invoke(app, ["detractors", "list", "--status", "everything", "--database-url", seeded.url])
    assert r.exit_code == 2 and "choose from open, counted, all," in r.output


def test_open_means_new_in_progress_or_responded(seeded) -> None:
    """Open is the web queue's Open tab: a flag answered at the source stays there until a triager resolves it."""
    a1, a2 = seeded.flags["a1"], seeded.flags["a2"]
    for flag_id, status in ((a1, "responded"), (a2, "in_progress")):
        r = runner.invoke(app, ["detractors", "set", str(flag_id), "--status", status, "--database-url", seeded.url])
        assert r.exit_code == 0, r.output
    opened = _ids(seeded.url, "--status", "open")
    assert a1 in opened and a2 in opened
    assert _ids(seeded.url, "--status", "responded") == [a1]


def test_counted_leaves_out_dismissed_detractors_like_the_web_tab(seeded) -> None:
    """The web queue's Detractors tab (what the overview counts), from scripts."""
    flag_id = seeded.flags["a1"]
    r = runner.invoke(app, ["detractors", "set", str(flag_id), "--status", "dismissed", "--database-url", seeded.url])
    assert r.exit_code == 0, r.output
    counted = _ids(seeded.url, "--status", "counted")
    assert flag_id not in counted and sorted([*counted, flag_id]) == sorted(_ids(seeded.url, "--status", "all"))
