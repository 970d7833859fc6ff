"""The ``umot`` command line.

Each module in this package adds the commands of one area with a
``register(app)`` function, so areas stay apart and ``umot --help`` lists them
all. Heavy imports (torch, scrapy, prefect) happen inside the commands, so
``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="umot",
    help="Review and referral sentiment pipeline: crawl -> store -> score -> flag -> export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
