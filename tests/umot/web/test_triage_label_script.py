"""A corrected label without a dismissal: a script gets 400 and the CLI's message; the page still saves."""

from __future__ import annotations

import re

from test_triage_concurrent_edits import _flag, _form_of
from triage_pages import csrf_of

MESSAGE = "a corrected label goes with status &#39;dismissed&#39; (not a detractor)"


def _script(client, flag_id: int, data: dict[str, str]):  # noqa: ANN001, ANN202
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    return client.post(f"/flags/{flag_id}", data=data, headers={"X-CSRF-Token": token}, follow_redirects=False)


def test_a_script_labelling_an_undismissed_flag_gets_400(ana, seeded) -> None:
    flag_id = seeded.flags["a10"]
    for data in ({"corrected_label": "positive"}, {"status": "resolved", "corrected_label": "neutral"},
                 {"status": "in_progress", "corrected_label": "positive", "assignee": "ana@acme.example"}):
        r = _script(ana, flag_id, data)
        assert r.status_code == 400 and MESSAGE in r.text, (data, r.status_code)
        flag = _flag(seeded.url, flag_id)
        assert (flag.status, flag.corrected_label, flag.assignee) == ("new", None, None)  # nothing applied
    assert "No changes yet" in ana.get(f"/flags/{flag_id}").text


def test_the_cli_says_the_same(seeded) -> None:
    from typer.testing import CliRunner

    from umot.cli import app as cli

    result = CliRunner().invoke(cli, ["detractors", "set", str(seeded.flags["a10"]), "--status", "resolved", "--label", "positive",
                                      "--database-url", seeded.url])
    assert result.exit_code == 2 and MESSAGE.replace("&#39;", "'") in result.output


def test_an_empty_label_is_no_error(ana, seeded) -> None:
    flag_id = seeded.flags["a11"]
    assert _script(ana, flag_id, {"status": "resolved", "corrected_label": ""}).status_code == 303
    assert _flag(seeded.url, flag_id).status == "resolved"


def test_the_page_saves_a_status_with_its_label_select_as_loaded(ana, seeded) -> None:
    flag_id = seeded.flags["a12"]
    page = _form_of(ana.get(f"/flags/{flag_id}").text)
    assert page["corrected_label"] == "neutral"  # the (hidden) select is sent whatever the status
    assert ana.post(f"/flags/{flag_id}", data={**page, "status": "responded"}, follow_redirects=False).status_code == 303
    ana.post(f"/flags/{flag_id}", data={**_form_of(ana.get(f"/flags/{flag_id}").text),
                                        "status": "dismissed", "corrected_label": "positive"})
    page = _form_of(ana.get(f"/flags/{flag_id}").text)
    assert page["corrected_label"] == "positive"
    # reopening from the page: its select still says "positive", as loaded; that is no label for the new status
    assert ana.post(f"/flags/{flag_id}", data={**page, "status": "new"}, follow_redirects=False).status_code == 303
    flag = _flag(seeded.url, flag_id)
    assert (flag.status, flag.corrected_label) == ("new", None)
    assert not re.search(r'class="error"', ana.get(f"/flags/{flag_id}").text)
