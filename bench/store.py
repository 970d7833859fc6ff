"""Store benchmark: bulk review upserts into a fresh SQLite file (target >= 20k rows/s).

Generates crawl-like rows (ids, authors, ratings, ISO dates, ~200-character
texts), upserts them in batches of 5,000 (one transaction each, as a crawl of
many pages would), then upserts the same rows again to time the idempotent
re-run. A small warm-up run first pays for imports and first compiles; rows/s
is wall-clock, with the process's CPU-time rate beside it (a shared CPU makes
wall-clock slower than the code). ``python -m bench store``; PostgreSQL figures are added, for
information, when a server answers on 127.0.0.1:5432.
"""

from __future__ import annotations

import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_ROWS_PER_S = 20_000
SIZES = (20_000, 50_000)
BATCH = 5_000
WORDS = ["great", "service", "slow", "delivery", "broken", "refund", "friendly", "staff", "never", "again", "recommend", "price", "quality", "app", "crash"]


def make_rows(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        {
            "source": "schemaorg:shop.example",
            "external_id": f"rev-{i}",
            "url": f"https://shop.example/product/{i % 500}#review-{i}",
            "author": f"customer {rng.randrange(10**6)}",
            "rating": rng.randint(1, 5),
            "rating_raw": rng.randint(1, 5),
            "rating_scale": 5,
            "title": " ".join(rng.choices(WORDS, k=4)),
            "text": " ".join(rng.choices(WORDS, k=30)),
            "published_at": (start + timedelta(minutes=i)).isoformat(),
            "language": "en",
            "extra": {},
        }
        for i in range(n)
    ]


def _upsert_all(engine, rows: list[dict], brand_id: int) -> tuple[float, int]:
    from models.crud import upsert_reviews
    from models.db import session_scope

    new = 0
    started, cpu = time.perf_counter(), time.process_time()
    for at in range(0, len(rows), BATCH):
        with session_scope(engine) as session:
            new += upsert_reviews(session, rows[at : at + BATCH], brand_id=brand_id).new
    return time.perf_counter() - started, time.process_time() - cpu, new


def run_once(url: str, n: int) -> dict:
    from models.crud import get_or_create_brand
    from models.db import init_db, session_scope

    engine = init_db(url)
    with session_scope(engine) as session:
        brand_id = get_or_create_brand(session, "Bench").id
    rows = make_rows(n)
    first_s, first_cpu, new = _upsert_all(engine, rows, brand_id)
    again_s, _, again_new = _upsert_all(engine, rows, brand_id)
    assert new == n and again_new == 0, (new, again_new)
    return {
        "rows": n,
        "insert_s": round(first_s, 3),
        "rows_per_s": round(n / first_s),
        "cpu_rows_per_s": round(n / first_cpu),  # what one free core would do; CI shares its CPU
        "rerun_s": round(again_s, 3),
        "rerun_rows_per_s": round(n / again_s),
    }


def _postgres(n: int) -> dict | None:
    try:
        import psycopg

        admin = psycopg.connect(host="127.0.0.1", user="postgres", dbname="test", autocommit=True, connect_timeout=3)
    except Exception:  # noqa: BLE001 - no server: PostgreSQL figures are optional
        return None
    from models.db import dispose_engines

    name = f"umot_bench_{uuid.uuid4().hex[:8]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            return run_once(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", n)
        finally:
            dispose_engines()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> dict:
    from models.db import dispose_engines

    results: dict = {"target_rows_per_s": TARGET_ROWS_PER_S, "batch": BATCH, "sqlite": []}
    with tempfile.TemporaryDirectory(prefix="umot-bench-") as tmp:
        run_once(f"sqlite:///{Path(tmp) / 'warm-up.db'}", 2_000)  # imports, first compiles
        for n in SIZES:
            results["sqlite"].append(run_once(f"sqlite:///{Path(tmp) / f'bench-{n}.db'}", n))
            dispose_engines()
    results["postgresql"] = _postgres(SIZES[0])
    results["targets_met"] = all(r["rows_per_s"] >= TARGET_ROWS_PER_S for r in results["sqlite"])

    print(f"{'database':<12}{'rows':>8}{'insert s':>10}{'rows/s':>10}{'cpu rows/s':>12}{'re-run s':>10}{'re-run rows/s':>15}")
    for label, figures in [("sqlite", r) for r in results["sqlite"]] + [("postgresql", results["postgresql"])]:
        if figures:
            print(
                f"{label:<12}{figures['rows']:>8}{figures['insert_s']:>10}{figures['rows_per_s']:>10}"
                f"{figures['cpu_rows_per_s']:>12}"
                f"{figures['rerun_s']:>10}{figures['rerun_rows_per_s']:>15}"
            )
    print(f"target: >= {TARGET_ROWS_PER_S} rows/s on SQLite -> {'met' if results['targets_met'] else 'NOT met'}")
    return results


if __name__ == "__main__":
    main()
