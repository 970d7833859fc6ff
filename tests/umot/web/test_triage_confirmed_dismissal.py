"""A dismissal made stale by an edit at the source, confirmed from a script posting to /flags/<id>.

Before, the same label made no audit event ("Nothing changed."), so `umot train --from-db` kept
training the edited review by its rating.
"""

from __future__ import annotations

from triage_pages import csrf_of


def _post(client, flag_id: int, data: dict[str, str], *, header: bool = False):  # noqa: ANN001, ANN202
    token = csrf_of(client.get(f"/flags/{flag_id}").text)
    if header:  # a script: the token as a header, only the fields it means to change
        return client.post(f"/flags/{flag_id}", data=data, headers={"X-CSRF-Token": token}, follow_redirects=False)
    return client.post(f"/flags/{flag_id}", data={"csrf_token": token, **data}, follow_redirects=False)


def _edit(url: str, review_id: int) -> None:
    from models.crud import upsert_reviews
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(url)) as s:
        review = s.get(Review, review_id)
        row = {"source": review.source, "external_id": review.external_id, "rating": review.rating,
               "title": review.title, "text": "Edited: they replaced it, all good now."}
        upsert_reviews(s, [row], brand_id=review.brand_id)


def _labels(url: str, brand_id: int) -> dict[int, str | None]:
    from models.crud.edited_dismissals import dismissal_labels
    from models.db import get_engine, session_scope

    with session_scope(get_engine(url), write=False) as s:
        return dismissal_labels(s, brand_id)


def test_a_script_confirms_a_stale_dismissal(ana, seeded) -> None:  # noqa: ANN001
    flag_id, review_id = seeded.flags["a2"], seeded.reviews["a2"]
    assert _post(ana, flag_id, {"status": "dismissed", "corrected_label": "positive"}).status_code == 303
    _edit(seeded.url, review_id)
    assert review_id not in _labels(seeded.url, seeded.acme)
    assert _post(ana, flag_id, {"status": "dismissed", "corrected_label": "positive"}, header=True).status_code == 303
    page = ana.get(f"/flags/{flag_id}").text
    assert "Saved 1 change(s)." in page and "positive → positive" in page
    assert _labels(seeded.url, seeded.acme)[review_id] == "positive"
