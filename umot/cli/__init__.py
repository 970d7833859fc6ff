"""The ``umot`` command line.

Each module in this package holds the commands of one area; :func:`_register`
below is the one place that names every command and group ``umot`` has (as
huggingface_hub's ``hf`` CLI does), so what ``umot --help`` lists is visible
here. A new command is one line there. Heavy imports (torch, scrapy, prefect)
happen inside the commands, so ``--help`` stays fast.

Rich markup mode keeps a docstring's line breaks (a stray word on a line of its own at 80 columns) and
the options table cuts names when crowded: :func:`_tidy_help` makes each help paragraph one line and
drops the types a flag's name or a number's range already says, once for every command.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

_LINE_BREAK = re.compile(r"\n(?![ \t]|[-*] )")  # not before an indented (verbatim) line or a bullet


def _tidy_help(command: TyperCommand | TyperGroup) -> None:
    """``command`` and every command under it: help paragraphs joined into one line each (a paragraph
    starting with ``\\b`` stays as written); no type beside a flag, nor "range" before a number's range."""
    if command.help:
        paragraphs = inspect.cleandoc(command.help).split("\n\n")
        command.help = "\n\n".join(p if p.startswith("\b") else _LINE_BREAK.sub(" ", p) for p in paragraphs)
    for param in command.params:
        # typer 0.29's internals (pinned): read with getattr, a rename shows `<int range>` again, never a crash
        described = getattr(param, "type_descriptor", None)
        if param.metavar is not None or param.param_type_name != "option":  # an argument's metavar is its name
            continue
        if getattr(param, "is_flag", False):
            param.metavar = ""  # `--notify/--no-notify`, not `--notify/--no-notify <bool>`
        elif getattr(described, "is_ranged", False) and (name := getattr(described, "ranged_type_name", None)):
            param.metavar = f"<{name}>"  # `<int> [x>=1]`, not `<int range> [x>=1]`
    for sub in getattr(command, "commands", {}).values():
        _tidy_help(sub)


class _UmotGroup(TyperGroup):
    """Turns a bad store URL, or a store that refuses the connection, wherever a command
    opens the store, and a umot.toml that cannot be written into the one-line error (exit 2);
    output that cannot be written (stdout on a full disk) into one line too (exit 1)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy_help(self)  # the root group is built last, holding every command: tidied once

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from umot.cli._stdout_errors import stdout_watched  # stdlib only: `umot --help` stays fast

        with stdout_watched():  # `> /dev/full`: one line, exit 1; a closed pipe (`| head`): exit 1 quietly
            return super().main(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context
        try:
            return super().invoke(ctx)
        except Exception as exc:
            from umot.cli._errors import fail

            settings = sys.modules.get("core.settings")  # a UMOT_* variable that does not parse
            if settings is not None and isinstance(exc, settings.SettingsError):
                fail(str(exc))
            config_file = sys.modules.get("models.config_file")  # umot.toml not written (full disk): "<path>: cannot write"
            if config_file is not None and isinstance(exc, config_file.ConfigFileError):
                fail(str(exc))
            db_url = sys.modules.get("models.db_url")  # not imported here: `umot --help` stays fast
            if db_url is not None and isinstance(exc, db_url.DatabaseUrlError):
                fail(str(exc))
            if "sqlalchemy.exc" in sys.modules:  # only then can a store have refused us
                from umot.cli._store_errors import is_store_refusal, store_error

                if is_store_refusal(exc):
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


def _register(app: typer.Typer) -> None:
    """The command registry: every ``umot`` command and command group, in one place."""
    from umot.cli.advocates import advocates_app
    from umot.cli.brands import brands_app
    from umot.cli.crawl import crawl
    from umot.cli.db import db_app
    from umot.cli.demo import demo
    from umot.cli.detractors import detractors_app
    from umot.cli.export import export
    from umot.cli.import_reviews import import_reviews
    from umot.cli.rescore import rescore
    from umot.cli.run import run
    from umot.cli.score import score
    from umot.cli.serve import deploy, serve
    from umot.cli.sources import sources_app
    from umot.cli.teacher import teacher
    from umot.cli.themes import themes_app
    from umot.cli.train import train
    from umot.cli.users import users_app
    from umot.cli.web import web
    from umot.cli.webhook import webhook_app

    # the nightly pipeline and its parts
    app.command("run")(run)
    app.command("demo")(demo)
    app.command("crawl")(crawl)
    app.command("import")(import_reviews)
    app.command("score")(score)
    app.command("train")(train)
    app.command("export")(export)
    app.command("rescore")(rescore)  # themes and journey stages of stored reviews (#18)
    app.command("teacher")(teacher)  # training-time extra: the mpnet teacher for `train --teacher-probs` (#19)
    # scheduling with Prefect (docs/deployments.md)
    app.command("serve")(serve)
    app.command("deploy")(deploy)
    # the triage web app and what a brand team reads
    app.command("web")(web)
    app.add_typer(users_app)
    app.add_typer(detractors_app)
    app.add_typer(advocates_app)
    app.add_typer(webhook_app)
    # configuration and the store
    app.add_typer(brands_app)
    app.add_typer(themes_app)
    app.add_typer(sources_app, name="sources")
    app.add_typer(db_app, name="db")


_register(app)
