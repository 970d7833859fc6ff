"""`umot detractors list` and `umot advocates list` print a review's control characters as text.

Before, a review's ESC ``\\x1b[2J`` (clear the screen), OSC 52 clipboard write and C1 controls
went raw through the table to the triager's terminal.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from umot.cli import app
from umot.cli._cells import REPLACEMENT, clean_cell

EVIL = "Broke\x1b[2J at once\x1b]52;c;cm0gLXJmIH4=\x07, awful\x9b31m \u202etxt.exe\nbad"
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.mark.parametrize(("text", "cell"), [
    ("plain text, café ☕", "plain text, café ☕"),
    ("a\x1b[2Jb", f"a{REPLACEMENT}[2Jb"),
    ("x\x1b]52;c;aGk=\x07y", f"x{REPLACEMENT}]52;c;aGk={REPLACEMENT}y"),
    ("c1\x9b\x85z", f"c1{REPLACEMENT} z"),
    ("tab\tand\r\nline", "tab and  line"),
    ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),
    ("bidi \u202eevil", f"bidi {REPLACEMENT}evil"),
    (None, ""),
])
def test_clean_cell(text: str | None, cell: str) -> None:
    assert clean_cell(text) == cell


def _store(db_url: str) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Flag

    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        now = datetime.now(UTC)
        rows = [{"source": "shop", "external_id": "1", "rating": 1, "text": EVIL, "published_at": now,
                 "author": "mallory\x1b[8m"},
                {"source": "shop", "external_id": "2", "rating": 5, "text": f"Love it! {EVIL}", "published_at": now,
                 "author": "eve\x1b]52;c;eA==\x07", "referral_intent": "recommend",
                 "url": "https://shop.example/r/2\x1b[2J"}]
        bad, good = crud.upsert_reviews(session, rows, brand_id=brand).new_ids
        [sid] = crud.save_scores(session, [{"review_id": bad, "model_version": "m1", "label": "negative",
                                            "stars": 1.0, "detractor": True}])
        crud.save_scores(session, [{"review_id": good, "model_version": "m1", "label": "positive",
                                    "stars": 5.0, "detractor": False}])
        crud.upsert_flags(session, [{"review_id": bad, "score_id": sid, "brand_id": brand,
                                     "reasons": ["rated 1★"], "severity": 1.0}])
        flag = session.exec(select(Flag)).one()
        flag.assignee = "ana\x1b[2J@acme.example"


@pytest.mark.parametrize("command", ["detractors", "advocates"])
def test_no_control_character_reaches_the_terminal(db_url: str, command: str) -> None:
    _store(db_url)
    result = CliRunner().invoke(app, [command, "list", "--database-url", db_url], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "Broke" in result.output and REPLACEMENT in result.output
    assert not [c for c in CONTROLS if c in result.output], repr(result.output)
