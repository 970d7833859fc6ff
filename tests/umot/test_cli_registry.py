"""umot/cli/__init__.py names every command group: a module's Typer left out of the registry,
or an old-style ``register(app)`` hook (no longer called), fails here instead of vanishing."""

import importlib
import pkgutil

import typer

import umot.cli
from umot.cli import app


def _modules() -> list:
    return [importlib.import_module(f"umot.cli.{m.name}") for m in pkgutil.iter_modules(umot.cli.__path__)]


def _registered(group: typer.Typer) -> list[typer.Typer]:
    found = []
    for info in group.registered_groups:
        found.append(info.typer_instance)
        found.extend(_registered(info.typer_instance))
    return found


def test_every_command_group_is_in_the_registry() -> None:
    registered = {id(t) for t in _registered(app)}
    missing = [
        f"{module.__name__}.{name}"
        for module in _modules()
        for name, value in vars(module).items()
        if isinstance(value, typer.Typer) and value is not app and id(value) not in registered
    ]
    assert not missing, f"add these to umot/cli/__init__.py's _register: {missing}"


def test_no_module_keeps_a_register_hook() -> None:
    hooks = [m.__name__ for m in _modules() if callable(getattr(m, "register", None))]
    assert not hooks, f"register(app) is no longer called; name the commands in umot/cli/__init__.py: {hooks}"


def test_the_registry_lists_the_pipeline_commands_first() -> None:
    names = [c.name for c in app.registered_commands]
    assert names[:7] == ["run", "demo", "crawl", "import", "score", "train", "export"]
