"""A detractor's page: what it shows, status changes and their audit trail, access, escaping."""

from __future__ import annotations

import re

from triage_pages import csrf_of, login


def change(client, flag_id: int, **data: str):  # noqa: ANN001, ANN201
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    return client.post(f"/flags/{flag_id}", data={"csrf_token": token, **data}, follow_redirects=False)


def audit_rows(html: str) -> list[list[str]]:
    table = html.split('<table class="audit">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S)
    return [[re.sub(r"\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in rows]


def test_detail_shows_review_scores_and_same_author(ana, seeded) -> None:
    html = ana.get(f"/flags/{seeded.flags['a0']}").text
    assert "Order 0 arrived broken and support ignored me." in html
    assert 'href="https://shop.example/reviews/a0"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "test-model-v1" in html and "1.30" in html and "0.80 / 0.15 / 0.05" in html
    others = html.split("Other reviews by Dana at Acme", 1)[1]
    assert "Second order was perfect" in others and "Order 1 arrived" in others
    assert "Order 0 arrived" not in others


def test_triage_loop_with_audit_trail(ana, seeded) -> None:
    flag_id = seeded.flags["a0"]
    r = change(ana, flag_id, status="in_progress", assignee="ana@acme.example", note="Calling the customer")
    assert r.status_code == 303 and r.headers["location"] == f"/flags/{flag_id}"
    assert change(ana, flag_id, status="resolved", assignee="ana@acme.example").status_code == 303
    html = ana.get(f"/flags/{flag_id}").text
    assert "Saved 1 change(s)." in html
    rows = audit_rows(html)
    assert [r[1:] for r in rows] == [
        ["web:ana@acme.example", "status", "new → in_progress"],
        ["web:ana@acme.example", "assignee", "— → ana@acme.example"],
        ["web:ana@acme.example", "note", "Calling the customer"],
        ["web:ana@acme.example", "status", "in_progress → resolved"],
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", r[0]) for r in rows)
    assert re.search(r"Resolved <b>1</b>", ana.get("/").text)


def test_dismissal_stores_the_corrected_label(ana, seeded) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Flag

    flag_id = seeded.flags["a2"]
    assert change(ana, flag_id, status="dismissed", corrected_label="positive").status_code == 303
    with session_scope(get_engine(seeded.url)) as s:
        flag = s.get(Flag, flag_id)
        assert (flag.status, flag.corrected_label) == ("dismissed", "positive")
    change(ana, flag_id, status="new")  # reopening clears the correction, in the trail too
    with session_scope(get_engine(seeded.url)) as s:
        assert s.get(Flag, flag_id).corrected_label is None
    fields = [r[2] for r in audit_rows(ana.get(f"/flags/{flag_id}").text)]
    assert fields == ["status", "corrected label", "status", "corrected label"]


def test_invalid_change_is_refused_with_a_message(ana, seeded) -> None:
    r = change(ana, seeded.flags["a0"], status="closed")
    assert r.status_code == 400 and "unknown status &#39;closed&#39;" in r.text
    assert "No changes yet" in r.text


def test_another_brands_detractor_is_not_found(ana, seeded) -> None:
    other = seeded.flags["g0"]
    assert ana.get(f"/flags/{other}").status_code == 404
    token = csrf_of(ana.get("/").text)
    r = ana.post(f"/flags/{other}", data={"csrf_token": token, "status": "resolved"})
    assert r.status_code == 404
    # 404 at once: a redirect would tell another brand's flag id
    assert ana.get(f"/reviews/{seeded.reviews['g0']}", follow_redirects=False).status_code == 404
    assert ana.get(f"/brands/{seeded.globex}").status_code == 404
    assert ana.get("/flags/99999").status_code == 404


def test_globex_user_sees_only_globex(client, seeded) -> None:
    login(client, "gus@globex.example")
    assert client.get(f"/flags/{seeded.flags['g0']}").status_code == 200
    assert client.get(f"/flags/{seeded.flags['a0']}").status_code == 404
    assert "Order 0 arrived" not in client.get("/").text


def test_review_ids_from_the_export_open_their_flag(ana, seeded) -> None:
    r = ana.get(f"/reviews/{seeded.reviews['a3']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/flags/{seeded.flags['a3']}"


def test_hostile_review_text_shows_as_text(ana, seeded) -> None:
    """conftest.XSS_TEXT / XSS_TITLE / a javascript: URL, seeded on a5."""
    flag_id = seeded.flags["a5"]
    for html in (ana.get(f"/flags/{flag_id}").text, ana.get("/").text):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    detail = ana.get(f"/flags/{flag_id}").text
    assert 'href="javascript:' not in detail and "not opened: not http" in detail
