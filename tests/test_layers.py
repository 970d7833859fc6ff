"""The layer contract, for what import-linter cannot see: a module named in a string.

`lint-imports` checks import statements (pyproject.toml's [tool.importlinter]).
A lower layer can still reach up by name, e.g. Scrapy's ``settings.setmodule("crawlers.settings")``
or ``importlib.import_module("flows.x")``. This test reads every string constant of
each layer's modules and fails on one that is a dotted module path of a layer above
it (or of a sibling: crawlers, nlp and reporting never use each other).
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"][0]
LAYERS = [[p.strip() for p in layer.split("|")] for layer in CONTRACT["layers"]]  # top first


def _forbidden(package: str) -> set[str]:
    """Packages ``package`` may not name: every higher layer's, and its siblings'."""
    index = next(i for i, layer in enumerate(LAYERS) if package in layer)
    above = {p for layer in LAYERS[:index] for p in layer}
    return above | (set(LAYERS[index]) - {package})


def _is_module(name: str) -> bool:
    """``crawlers.settings`` names a module of ours; ``umot.toml`` is a file name."""
    first, second = name.split(".")[:2]
    return (ROOT / first / f"{second}.py").is_file() or (ROOT / first / second / "__init__.py").is_file()


def _module_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


@pytest.mark.parametrize("package", [p for layer in LAYERS[1:] for p in layer])
def test_no_module_names_a_higher_or_sibling_layer_in_a_string(package: str) -> None:
    names = re.compile(rf"^(?:{'|'.join(sorted(_forbidden(package)))})(?:\.\w+)+$")
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path in sorted((ROOT / package).rglob("*.py"))
             for line, text in _module_strings(path) if names.match(text.strip()) and _is_module(text.strip())]
    assert found == []


def test_the_check_sees_a_name_reaching_up(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    names = re.compile(rf"^(?:{'|'.join(sorted(_forbidden('models')))})(?:\.\w+)+$")
    module.write_text('settings.setmodule("crawlers.settings")\npath = "umot.toml"\n', encoding="utf-8")
    named = [text for _, text in _module_strings(module) if names.match(text) and _is_module(text)]
    assert named == ["crawlers.settings"]  # a module of a higher layer; "umot.toml" is only a file name
    assert "crawlers" in _forbidden("models") and "nlp" in _forbidden("crawlers") and "models" not in _forbidden("crawlers")
