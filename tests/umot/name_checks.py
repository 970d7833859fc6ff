"""What the CLI's name tests check: the brands a store holds, and a refusal that is one ``error:`` line.

tests/umot/test_cli_invisible_names.py and test_cli_name_characters.py wrote these out alike.
"""

from __future__ import annotations

from typer.testing import Result


def stored_brands(url: str) -> list[str]:
    """The names of the store's brands, sorted."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(url), write=False) as session:
        return sorted(b.name for b in crud.list_brands(session))


def refused(result: Result, message: str) -> None:
    """Exit 2, nothing on stdout, no traceback, and stderr is exactly ``error: <message>``."""
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert result.stdout == "" and result.stderr.strip() == f"error: {message}"
