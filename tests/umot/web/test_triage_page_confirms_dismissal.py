"""The detractor page confirms a dismissal made stale by an edit of the review, as the CLI does.

Before, the page's form sent the status and label as loaded, which count as "no change": saving it
said "Nothing changed.", so the stale dismissal stayed stale and `umot train --from-db` kept training
the edited review by its rating (only the CLI and scripts could confirm it).
"""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient
from test_triage_confirmed_dismissal import _edit, _labels, _post
from triage_pages import login


def _form_of(page: str) -> dict[str, str]:
    """What a browser sends for the page's triage form as loaded (checked boxes included)."""
    found = re.search(r'<form method="post" action="/flags/\d+" class="triage">(.*?)</form>', page, re.S)
    assert found is not None, "no triage form"
    form = found.group(1)
    data = {m[0]: unescape(m[1]) for m in re.findall(r'<input type="(?:hidden|text)" name="(\w+)" value="([^"]*)"', form)}
    data.update(re.findall(r'<input type="checkbox" name="(\w+)" value="([^"]*)" checked>', form))
    for name, options in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option (?:value="([^"]*)" )?selected>([^<]*)', options)
        assert chosen is not None, f"nothing selected in {name}"
        data[name] = unescape(chosen.group(1) if chosen.group(1) is not None else chosen.group(2))
    data["note"] = ""
    return data


def _stale(client: TestClient, seeded) -> tuple[int, int]:  # noqa: ANN001
    """a2 dismissed as positive, then edited at the source: (flag id, review id)."""
    flag_id, review_id = seeded.flags["a2"], seeded.reviews["a2"]
    assert _post(client, flag_id, {"status": "dismissed", "corrected_label": "positive"}).status_code == 303
    _edit(seeded.url, review_id)
    assert review_id not in _labels(seeded.url, seeded.acme)
    return flag_id, review_id


def _save(client: TestClient, flag_id: int, **changes: str | None) -> str:
    form = {**_form_of(client.get(f"/flags/{flag_id}").text), **changes}
    form = {k: v for k, v in form.items() if v is not None}
    assert client.post(f"/flags/{flag_id}", data=form, follow_redirects=False).status_code == 303
    return client.get(f"/flags/{flag_id}").text


def test_the_page_saved_with_its_confirm_box_ticked_confirms_a_stale_dismissal(ana, seeded) -> None:  # noqa: ANN001
    flag_id, review_id = _stale(ana, seeded)
    assert "Edited since it was dismissed." in ana.get(f"/flags/{flag_id}").text
    page = _save(ana, flag_id, confirm_dismissal="1")
    assert "Saved 1 change(s). The dismissal now judges the edited text." in page and "positive → positive" in page
    assert _labels(seeded.url, seeded.acme)[review_id] == "positive"
    assert "Edited since it was dismissed." not in page and 'name="confirm_dismissal"' not in page
    assert "Nothing changed." in _save(ana, flag_id)  # confirmed once: no longer stale


def test_a_note_saved_from_the_page_as_loaded_does_not_confirm(ana, seeded) -> None:  # noqa: ANN001
    """As `umot detractors set --note` alone: a note is no judgement of the new text (the box starts unticked)."""
    flag_id, review_id = _stale(ana, seeded)
    page = _save(ana, flag_id, note="Called them")
    assert "Saved 1 change(s)." in page and "Edited since it was dismissed." in page
    assert review_id not in _labels(seeded.url, seeded.acme)


def test_an_old_page_does_not_dismiss_a_flag_reopened_meanwhile(app, ana, seeded) -> None:  # noqa: ANN001
    flag_id, review_id = _stale(ana, seeded)
    form = _form_of(ana.get(f"/flags/{flag_id}").text)
    other = TestClient(app)
    assert login(other, "root@umot.example").status_code == 303
    assert _post(other, flag_id, {"status": "in_progress"}, header=True).status_code == 303
    assert ana.post(f"/flags/{flag_id}", data=form, follow_redirects=False).status_code == 303
    page = ana.get(f"/flags/{flag_id}").text
    assert "Nothing changed." in page and 'name="was_status" value="in_progress"' in page
    assert review_id not in _labels(seeded.url, seeded.acme)


def test_an_unedited_dismissal_offers_no_confirmation(ana, seeded) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a2"]
    assert _post(ana, flag_id, {"status": "dismissed", "corrected_label": "positive"}).status_code == 303
    page = ana.get(f"/flags/{flag_id}").text
    assert "Edited since it was dismissed." not in page and 'name="confirm_dismissal"' not in page
    assert "Nothing changed." in _save(ana, flag_id, confirm_dismissal="1")  # a forged box changes nothing either
