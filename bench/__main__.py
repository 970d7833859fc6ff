"""Run the benchmarks, print their figures and write them as JSON.

``python -m bench`` runs all of them; ``python -m bench pipeline`` runs one.
Each module in this package exposes ``main() -> dict`` and prints its own
human-readable table; this runner gathers the dicts into
``bench/results/<name>.json`` and prints the JSON too. A benchmark that fails
(an error) does not stop the others: each failed one, and each whose targets
were not met, gets one line at the end, and the exit code is 1.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import bench

RESULTS = Path(__file__).parent / "results"


def benchmarks() -> list[str]:
    """The benchmark modules' names (helpers start with an underscore)."""
    return sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_"))


def run(name: str) -> str | None:
    """Run one benchmark and write its JSON; why it failed (an error, a missed target), or None."""
    print(f"== bench/{name}", flush=True)
    try:
        figures = importlib.import_module(f"bench.{name}").main()
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one benchmark's failure must not stop the others
        why = f"{type(exc).__name__}: {exc}"
        print(f"bench/{name} failed: {why}", flush=True)
        return why
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2, default=str))
    print(json.dumps(figures, indent=2, default=str), flush=True)
    return "targets NOT met" if figures.get("targets_met") is False else None


def main(argv: list[str]) -> int:
    known = benchmarks()
    if any(arg in ("-h", "--help") for arg in argv):
        print(f"usage: python -m bench [NAME ...]  (none: all of them)\nbenchmarks: {', '.join(known)}")
        return 0
    unknown = [arg for arg in argv if arg not in known]
    if unknown:
        print(f"bench: unknown benchmark {unknown[0]!r}; the benchmarks: {', '.join(known)}", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    failed = {name: why for name in argv or known if (why := run(name)) is not None}
    for name, why in failed.items():
        print(f"bench/{name}: {why}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
