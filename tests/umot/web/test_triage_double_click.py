"""A double click sends a save twice: the note is stored once, and a theme's second Apply is "nothing changed"."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select
from triage_pages import csrf_of

from models.db import get_engine, session_scope
from models.tables import FlagEvent

NOTE = "Called the customer"


def _form(token: str, note: str = NOTE) -> dict[str, str]:
    return {"csrf_token": token, "status": "in_progress", "was_status": "new", "assignee": "", "was_assignee": "",
            "corrected_label": "neutral", "was_corrected_label": "neutral", "note": note}


def _notes(seeded, flag_id: int) -> list[FlagEvent]:  # noqa: ANN001
    with session_scope(get_engine(seeded.url), write=False) as session:
        return list(session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag_id, FlagEvent.field_name == "note")))


def test_a_note_saved_twice_at_once_is_stored_once(seeded, ana) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a0"]
    form = _form(csrf_of(ana.get(f"/flags/{flag_id}").text))
    first, second = (ana.post(f"/flags/{flag_id}", data=form, follow_redirects=False) for _ in range(2))
    assert first.status_code == second.status_code == 303
    assert [e.new_value for e in _notes(seeded, flag_id)] == [NOTE]
    assert "Nothing changed." in ana.get(f"/flags/{flag_id}").text  # the second click's flash


def test_the_same_note_later_or_another_note_is_stored(seeded, ana) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a1"]
    token = csrf_of(ana.get(f"/flags/{flag_id}").text)
    ana.post(f"/flags/{flag_id}", data=_form(token))
    ana.post(f"/flags/{flag_id}", data=_form(token, "Refund sent"))  # another note: stored
    with session_scope(get_engine(seeded.url)) as session:  # both saved a minute ago
        for event in session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag_id)):
            event.at -= timedelta(minutes=1)
            session.add(event)
    ana.post(f"/flags/{flag_id}", data=_form(token, "Refund sent"))  # the same note, a minute on: a new note
    assert [e.new_value for e in _notes(seeded, flag_id)] == [NOTE, "Refund sent", "Refund sent"]


def test_someone_elses_identical_note_is_stored(seeded, ana) -> None:  # noqa: ANN001
    from models.crud.triage import update_flag

    flag_id = seeded.flags["a2"]
    ana.post(f"/flags/{flag_id}", data=_form(csrf_of(ana.get(f"/flags/{flag_id}").text)))
    with session_scope(get_engine(seeded.url)) as session:
        assert len(update_flag(session, flag_id, actor="cli:bob", note=NOTE)) == 1
        assert update_flag(session, flag_id, actor="cli:bob", note=f"  {NOTE} ") == []  # bob's double: not again
    assert [e.actor for e in _notes(seeded, flag_id)] == ["web:ana@acme.example", "cli:bob"]


def test_a_themes_apply_clicked_twice_changes_nothing_the_second_time(seeded, ana) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a0"]
    token = csrf_of(ana.get(f"/flags/{flag_id}").text)
    for action, shown in (("add", "Themes now: delivery."), ("remove", "Themes now: none.")):
        form = {"csrf_token": token, "theme": "delivery", "action": action, "polarity": "negative"}
        first, second = (ana.post(f"/flags/{flag_id}/themes", data=form, follow_redirects=False) for _ in range(2))
        assert first.status_code == 303 and second.status_code == 303, second.text
        page = ana.get(f"/flags/{flag_id}").text
        assert "Nothing changed: theme &#39;delivery&#39;" in page and shown not in page
    with session_scope(get_engine(seeded.url), write=False) as session:
        themes = [e for e in session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag_id,
                                                                   FlagEvent.field_name == "themes"))]
    assert len(themes) == 2  # the add and the remove, once each


def test_an_unknown_theme_is_still_an_error(seeded, ana) -> None:  # noqa: ANN001
    flag_id = seeded.flags["a0"]
    token = csrf_of(ana.get(f"/flags/{flag_id}").text)
    for action in ("add", "remove"):
        r = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "shipping", "action": action})
        assert r.status_code == 400 and "Themes not changed: unknown theme &#39;shipping&#39;" in r.text
