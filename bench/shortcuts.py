"""What each start-up shortcut of the no-change nightly rerun saves: an A/B in one process.

``python -m bench shortcuts``: the 1,000-review demo site is crawled and scored once,
then the nightly flow runs again with nothing new, ROUNDS times per variant, the
variants alternating: as shipped, without the model-version fingerprint (the flow loads the
model to learn its version), without the run-store hand-off (``crawlers/run_store.py``:
the crawl process opens the store itself). Wall and CPU seconds (this process and its children);
the medians count. A shortcut whose variant is not slower does not pay.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

N_REVIEWS = 1_000
ROUNDS = 4


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _variants() -> dict[str, Callable[[], Callable[[], None]]]:
    """Each variant switches one shortcut off and returns how to switch it back on."""
    import crawlers.run_store as run_store
    import flows.night_in_process as in_process

    def without(module: Any, name: str, stand_in: Callable[..., Any]) -> Callable[[], None]:
        real = getattr(module, name)
        setattr(module, name, stand_in)
        return lambda: setattr(module, name, real)

    return {
        "as shipped": lambda: (lambda: None),
        "no model-version fingerprint": lambda: without(in_process, "known_model_version", lambda *a, **k: None),
        # nothing handed over: the crawl process opens the store for the run, known ids and page states
        "no run-store hand-off": lambda: without(run_store, "open_run", lambda *a, **k: {}),
    }


def main() -> dict[str, Any]:
    from bench._nightly_run import register_sources, timed_nightly, use_store
    from umot.demo import start_demo_site

    with tempfile.TemporaryDirectory(prefix="umot-bench-shortcuts-") as tmp:
        work = Path(tmp)
        os.environ.update(UMOT_DATA_DIR=str(work / "data"), UMOT_CONFIG=str(work / "umot.toml"))
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "ERROR")
        from flows.prefect_env import configure_prefect

        configure_prefect(work / "data")
        variants = _variants()
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        with start_demo_site(n_reviews=N_REVIEWS, seed=1) as site:
            use_store(work / "nightly.db")
            register_sources(site)
            timed_nightly(site)  # the first run: everything new
            timed_nightly(site)  # one unmeasured rerun
            for _ in range(ROUNDS):
                for name, switch_off in variants.items():
                    restore = switch_off()
                    cpu, wall = _cpu(), time.perf_counter()
                    try:
                        result, _ = timed_nightly(site)
                    finally:
                        restore()
                    if result.new_reviews or result.scored:
                        raise RuntimeError(f"{name}: the rerun found {result.new_reviews} new reviews")
                    runs[name].append((round(time.perf_counter() - wall, 2), round(_cpu() - cpu, 2)))
    figures = {
        name: {"wall_s": statistics.median(r[0] for r in each), "cpu_s": statistics.median(r[1] for r in each),
               "each": each}
        for name, each in runs.items()
    }
    for name, fig in figures.items():
        print(f"{name:30s} wall {fig['wall_s']:5.2f} s   cpu {fig['cpu_s']:5.2f} s")
    shipped = figures["as shipped"]["wall_s"]
    return {"reviews_on_site": N_REVIEWS, "rounds": ROUNDS, "variants": figures,
            "saves_wall_s": {name: round(fig["wall_s"] - shipped, 2) for name, fig in figures.items()}}
