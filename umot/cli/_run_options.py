"""The options of a nightly run, declared once: ``umot run`` and ``umot demo`` share
--model and --verbose, so their help reads the same; ``umot run --set`` is read here too."""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._errors import fail

Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines instead of progress bars.")]
Concurrency = Annotated[int, typer.Option(
    min=1, help="Scrapy processes the sources are shared among (each crawls its share side by side).",
)]
Model = Annotated[str | None, typer.Option(help="fast or full (the shipped models; ./full for a folder of that name), a model directory or an HF hub id \\[default: UMOT_MODEL or the shipped model]")]


def parse_settings(pairs: list[str] | None) -> dict[str, str] | None:
    """``["DOWNLOAD_DELAY=5"]`` -> ``{"DOWNLOAD_DELAY": "5"}`` (Scrapy parses the values).

    Not :func:`umot.cli._pairs.name_values`: no --set gives None (the flow's default), and the error shows an example.
    """
    settings = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            fail(f"--set {pair!r}: expected NAME=VALUE, e.g. --set DOWNLOAD_DELAY=5")
        settings[name.strip()] = value.strip()
    return settings or None
