"""One variant of the scoring benchmark, timed in a fresh process so its peak memory is its own."""

from __future__ import annotations

import multiprocessing as mp
import os
import queue as queue_module
import resource
import time
from pathlib import Path
from typing import Any

from bench._score_variants import BenchSettings

ONE_CORE = ("-1thread", "-1core")  # the variants timed on one core: their thread count is checked before timing


def load_reviews(n: int) -> tuple[list[str], list[int]]:
    from nlp.rated_reviews import read_labelled

    texts, stars = read_labelled(BenchSettings().data)
    return texts[:n], stars[:n]


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps ``ru_maxrss`` across exec, so a
    spawned child would report its parent's peak when that was higher; VmHWM is its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 0)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)


def pin_one_core(name: str, scorer: Any) -> int:
    """Put a one-core variant on one thread (after loading: ``load_scorer`` sets UMOT_THREADS) and
    return the thread count it will be timed with; a one-core variant on more is not timed."""
    import torch

    if name.endswith(ONE_CORE):
        torch.set_num_threads(1)
        if scorer.runner is not None:
            scorer.runner.workers = 1
    threads = torch.get_num_threads()
    if name.endswith(ONE_CORE) and threads != 1:
        raise SystemExit(f"variant {name}: {threads} threads, not 1: not timed")
    return threads


def time_variant(name: str, model_dir: str, n: int, queue: Any) -> None:
    """Runs in a child process: load, warm up, time, report."""
    import numpy as np

    import nlp
    from nlp.loading import set_threads

    texts, stars = load_reviews(n)
    set_threads()
    t_load = time.perf_counter()
    pipe_variant = name.startswith("pipeline")
    backend = "torch" if pipe_variant else name.split("-")[0]
    scorer = nlp.load_scorer(model_dir, quantized="int8" in name, backend=backend)
    load_s = time.perf_counter() - t_load
    threads = pin_one_core(name, scorer)
    star_values = np.asarray(scorer.labels.stars)
    if pipe_variant:
        from transformers import pipeline
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity(hf_logging.CRITICAL)  # "MeanPoolSentiment is not supported" (it runs fine)

        pipe = pipeline("text-classification", model=scorer.model, tokenizer=scorer.tokenizer,
                        device=-1, top_k=None, truncation=True)
        id_of = {label: i for i, label in scorer.model.config.id2label.items()}
        pipe(texts[:8])
        load_avg = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        outputs = pipe(texts)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        probs = np.zeros((len(texts), len(id_of)))
        for row, out in enumerate(outputs):
            for item in out:
                probs[row, id_of[item["label"]]] = item["score"]
    else:
        scorer.score(texts[:8])
        load_avg = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        _, probs = scorer.score_detailed(texts)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    gold = np.asarray(stars)
    pred = star_values[probs.argmax(1)]
    polar = gold != 3
    pol_pred = np.asarray(scorer.labels.polarity)[probs.argmax(1)]
    queue.put({
        "variant": name, "reviews": len(texts), "seconds": round(seconds, 2),
        "reviews_per_s": round(len(texts) / seconds, 1), "cpu_s": round(cpu, 2), "load_s": round(load_s, 1),
        "peak_rss_mb": peak_rss_mb(),
        "exact": round(float(np.mean(pred == gold)), 4),
        "polarity_acc": round(float(np.mean((pol_pred[polar] == 2) == (gold[polar] >= 4))), 4),
        "threads": threads,
        "load_avg_1min": round(load_avg, 2), "load_avg_after": round(os.getloadavg()[0], 2),
    })


def _child(name: str, model_dir: str, n: int, queue: Any) -> None:
    """The child's entry: an error is one line on its stderr (exit code 1), not a traceback."""
    try:
        time_variant(name, model_dir, n, queue)
    except Exception as exc:  # noqa: BLE001 - the parent names the variant and the exit code
        raise SystemExit(f"variant {name}: {type(exc).__name__}: {exc}") from None


def run_variant(name: str, model_dir: str, n: int) -> dict:
    """Time one variant in a fresh spawned process and return its figures; a child that dies
    without them (an error, killed) is a RuntimeError naming the variant, not a wait forever."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(name, model_dir, n, queue))
    proc.start()
    while True:
        alive = proc.is_alive()  # read before the get: figures put just before it exited are still read
        try:
            result = queue.get(timeout=1.0)
            break
        except queue_module.Empty:
            if not alive:
                proc.join()
                raise RuntimeError(f"variant {name}: its process exited with code {proc.exitcode}") from None
    proc.join()
    return result
