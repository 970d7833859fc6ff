"""The ``umot`` command line.

Each module in this package adds the commands of one area with a
``register(app)`` function, so areas stay apart and ``umot --help`` lists them
all. Heavy imports (torch, scrapy, prefect) happen inside the commands, so
``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup


class _UmotGroup(TyperGroup):
    """Turns a bad store URL, or a store that refuses the connection, wherever a command
    opens the store, into the one-line error (exit 2)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            from umot.cli._errors import fail

            db = sys.modules.get("models.db")  # not imported here: `umot --help` stays fast
            if db is not None and isinstance(exc, db.DatabaseUrlError):
                fail(str(exc))
            sa_exc = sys.modules.get("sqlalchemy.exc")
            if sa_exc is not None and isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)):
                from umot.cli._store import store_error

                fail(store_error(exc))
            raise


app = typer.Typer(
    name="umot",
    help="Review and referral sentiment pipeline: crawl -> store -> score -> flag -> export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_UmotGroup,
)


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()
