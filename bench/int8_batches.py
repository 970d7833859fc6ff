"""How much int8 batching moves the store's flags, and what batch-independent scores would cost.

int8 weights scale each batch's activations together, so a review's scores move
a little with the other reviews of its batch. This scores the same MARC dev
reviews into two SQLite stores that hold them in two different orders (what a
killed-and-rerun night and an uninterrupted one store: the crawl order differs)
through the nightly path (``flows.tasks.score.score_pending``), with the
batches cut

- by review id, 256 at a time (the nightly run before #15), and
- from ``unscored_ids_in_scoring_order`` (content order, what ``score_all`` does now),

and counts the reviews whose flag, label or reasons differ between the stores.
It also scores them as ``umot score`` does (one file) and prints the CPU cost of
scoring int8 one review at a time (no neighbours at all), all on the shipped full
model (``load_scorer("full")``), as docs/operations.md reports. ``UMOT_BENCH_REVIEWS``
sets the sample size (default 1500). The stores and their scoring are
``bench._int8_stores``; this module compares them.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import _int8_stores
from bench._int8_stores import sample_reviews, score_store, shuffled_store


def _differ(a: dict[str, tuple], b: dict[str, tuple]) -> dict[str, float]:
    """How many of ``a``'s flags, labels and reasons ``b`` has otherwise (by external id)."""
    n = len(a)
    flags = sum(1 for k in a if a[k][0])
    return {
        "reviews": n,
        "flags": flags,
        "flags_changed": sum(a[k][0] != b[k][0] for k in a),
        "flags_changed_pct_of_flags": round(100 * sum(a[k][0] != b[k][0] for k in a) / max(1, flags), 2),
        "labels_changed_pct": round(100 * sum(a[k][1] != b[k][1] for k in a) / n, 2),
        "reasons_changed_pct": round(100 * sum(a[k][2] != b[k][2] for k in a) / n, 2),
    }


def _cpu(scorer: Any, texts: list[str], batch_size: int) -> float:
    """CPU seconds to score ``texts`` in batches of ``batch_size`` (the scorer's own size restored)."""
    saved, scorer.batch_size = scorer.batch_size, batch_size
    try:
        started = time.process_time()
        scorer.score(texts)
        return round(time.process_time() - started, 2)
    finally:
        scorer.batch_size = saved


def main() -> dict:
    import nlp
    from nlp.review_scoring import score_reviews

    data = _int8_stores.DATA
    if not data.exists():  # a fresh clone: no ../shared/data
        skipped = f"{data} not found: the int8 batching benchmark needs the MARC dev reviews"
        print(f"skipped: {skipped}")
        return {"skipped": skipped}
    n = int(os.environ.get("UMOT_BENCH_REVIEWS", "1500"))
    reviews = sample_reviews(n, data)
    scorer = nlp.load_scorer("full")  # what docs/operations.md's figures were measured on
    figures: dict[str, Any] = {"model": scorer.version, "reviews": n}
    saved_url = os.environ.get("UMOT_DATABASE_URL")
    try:
        with tempfile.TemporaryDirectory(prefix="umot-bench-int8-") as tmp:
            for name, content in (("by_id", False), ("content_order", True)):
                a = score_store(shuffled_store(Path(tmp) / f"{name}-a.db", reviews, 1), scorer, content_order=content)
                b = score_store(shuffled_store(Path(tmp) / f"{name}-b.db", reviews, 2), scorer, content_order=content)
                figures[f"two_crawl_orders_{name}"] = _differ(a, b)
            scored = score_reviews(scorer, [r["text"] for r in reviews], [r["rating"] for r in reviews])
            by_file = {r["external_id"]: (s.detractor, s.label, tuple(s.reasons)) for r, s in zip(reviews, scored)}
            figures["umot_score_file_vs_nightly"] = _differ(by_file, b)
    finally:
        if saved_url is None:
            os.environ.pop("UMOT_DATABASE_URL", None)
        else:
            os.environ["UMOT_DATABASE_URL"] = saved_url
    texts = [r["text"] for r in reviews]
    batched, alone = _cpu(scorer, texts, 32), _cpu(scorer, texts, 1)
    figures["cpu_s"] = {"int8_batched": batched, "int8_one_review_per_batch": alone,
                        "one_per_batch_extra_pct": round(100 * (alone / batched - 1), 1)}
    for key in ("two_crawl_orders_by_id", "two_crawl_orders_content_order", "umot_score_file_vs_nightly"):
        f = figures[key]
        print(f"{key:32s} flags changed {f['flags_changed']:3d} of {f['flags']} flags "
              f"({f['flags_changed_pct_of_flags']:.2f}%), labels {f['labels_changed_pct']:.2f}%, "
              f"reasons {f['reasons_changed_pct']:.2f}% of {f['reviews']} reviews")
    # the target: two crawl orders of the same reviews score the same (the nightly run's content order)
    figures["targets_met"] = figures["two_crawl_orders_content_order"]["flags_changed"] == 0 and \
        figures["two_crawl_orders_content_order"]["reasons_changed_pct"] == 0
    c = figures["cpu_s"]
    print(f"CPU: int8 batched {c['int8_batched']} s, one review per batch {c['int8_one_review_per_batch']} s "
          f"(+{c['one_per_batch_extra_pct']}%)")
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(main(), indent=2))
