"""What every table shares: the constraint naming convention, the clock, and the Core table behind each class."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Table, inspect
from sqlmodel import SQLModel

# Named constraints, so SQLite batch migrations can drop or alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now; stored as UTC."""
    return datetime.now(UTC)


def table_of(model: type[SQLModel]) -> Table:
    """The Core ``Table`` of a table class, for bulk ``INSERT ... ON CONFLICT`` (SQLModel leaves
    ``__table__`` undeclared to type checkers; the mapper's is typed)."""
    mapper = inspect(model)
    table = mapper.local_table if mapper is not None else None
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not a table class")
    return table
