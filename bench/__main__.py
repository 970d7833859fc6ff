"""Run the benchmarks, print their figures and write them as JSON.

``python -m bench`` runs all of them; ``python -m bench pipeline`` runs one.
Each module in this package exposes ``main() -> dict`` and prints its own
human-readable table; this runner gathers the dicts into
``bench/results/<name>.json`` and prints the JSON too.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import bench

RESULTS = Path(__file__).parent / "results"


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_")
    )
    RESULTS.mkdir(exist_ok=True)
    failed = False
    for name in names:
        print(f"== bench/{name}", flush=True)
        figures = importlib.import_module(f"bench.{name}").main()
        (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2, default=str))
        print(json.dumps(figures, indent=2, default=str), flush=True)
        failed |= figures.get("targets_met") is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
