"""The ``--config`` option of every command that reads or edits umot.toml, and the file it names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="umot.toml: the brands' sources, themes and competitors \\[default: UMOT_CONFIG or ./umot.toml]",
        dir_okay=False,
    ),
]


def config_path(config: Path | None) -> Path:
    """``--config`` if given, else the settings' file (UMOT_CONFIG, else ./umot.toml)."""
    from core.settings import get_settings

    return config or get_settings().config_file
