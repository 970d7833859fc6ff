"""Themes and journey stages: accuracy on the hand-labelled eval set, the aspect files, and speed.

``python -m bench themes`` reports, on ``tests/nlp/fixtures/themes_eval.jsonl`` (300 texts
labelled before the detector was written; see its guide): theme micro-F1 (names, ``other``
not counted), stage F1 micro-averaged over the six stages other than ``use``, per-theme and
per-stage F1, referral macro-F1 (recommend / warn / none), primary-stage accuracy and theme
F1 with polarity; theme detection on the held-out splits of the SemEval and MAMS aspect
files mapped to the default themes; and the time the detector takes on the first 1,000 MARC
dev reviews against the sentiment scorer's time on the same reviews (best of 3 rounds each).
Needs ``../shared/data`` for the aspect files and the reviews (skipped, and said so, without).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from bench import _f1

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "nlp" / "fixtures" / "themes_eval.jsonl"
DATA = ROOT.parent / "shared" / "data"
TARGETS = {"theme_micro_f1": 0.75, "stage_f1": 0.65, "referral_macro_f1": 0.75, "speed_ratio": 1.0}
ASPECT_THEMES = ("product_quality", "price_value", "delivery", "service_staff", "cleanliness_ambience")


def _best_of(rounds: int, run) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def evaluate(detector, scorer) -> dict:
    """Figures on the hand-labelled eval set."""
    from nlp.themes import DEFAULT_THEME_NAMES, STAGE_NAMES

    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    sentiments = [s.label for s in scorer.score(texts)] if scorer else None
    preds = detector.detect(texts, sentiments, [r["domain"] == "app" for r in rows])
    stages = [s for s in STAGE_NAMES if s != "use"]
    themes = _f1.multilabel([r["themes"] for r in rows], [p.themes for p in preds], DEFAULT_THEME_NAMES)
    polar = _f1.multilabel(
        [[f"{k}:{v}" for k, v in r["themes"].items()] for r in rows],
        [[f"{k}:{v}" for k, v in p.themes.items()] for p in preds],
        [f"{t}:{p}" for t in DEFAULT_THEME_NAMES for p in ("negative", "neutral", "positive")],
    )
    stage = _f1.multilabel([r["stages"] for r in rows], [p.stages for p in preds], stages)
    referral = _f1.macro([r["referral"] for r in rows], [p.referral for p in preds], ("recommend", "warn", "none"))
    primary = sum(r["primary_stage"] == p.primary_stage for r, p in zip(rows, preds)) / len(rows)
    return {
        "texts": len(rows),
        "theme_micro_f1": themes["micro_f1"],
        "theme_polarity_micro_f1": polar["micro_f1"],
        "stage_f1": stage["micro_f1"],
        "referral_macro_f1": referral["macro_f1"],
        "primary_stage_accuracy": round(primary, 4),
        "per_theme": themes["per_label"],
        "per_stage": stage["per_label"],
        "per_referral_f1": referral["per_label"],
    }


def aspects(detector) -> dict:
    """Micro-F1 per aspect file's held-out split (speed_wait counts as service, as the files label it)."""
    from nlp.themes.aspects import FILES, sentences

    out = {}
    for name in FILES:
        items = sentences(DATA, name, held_out=True)
        preds = []
        for text, _ in items:
            found = set(detector.detect_one(text).themes)
            preds.append(found | ({"service_staff"} if "speed_wait" in found else set()))
        scores = _f1.multilabel([g for _, g in items], preds, ASPECT_THEMES)
        out[name] = {"sentences": len(items), "micro_f1": scores["micro_f1"],
                     "per_theme_f1": {k: v["f1"] for k, v in scores["per_label"].items() if v["support"]}}
    return out


def speed(detector, scorer, n: int = 1000) -> dict:
    """Seconds for themes+stages vs sentiment scoring of the same ``n`` MARC dev reviews."""
    from nlp.rated_reviews import read_labelled

    texts = read_labelled(DATA / "marc_en_dev.csv.gz")[0][:n]
    scorer.score(texts[:64])  # warm-up: ONNX session, caches
    sentiment_s = _best_of(3, lambda: scorer.score(texts))
    themes_s = _best_of(3, lambda: detector.detect(texts))
    return {"reviews": len(texts), "sentiment_s": round(sentiment_s, 3), "themes_s": round(themes_s, 3),
            "speed_ratio": round(themes_s / sentiment_s, 4), "scorer": scorer.version}


def main() -> dict:
    from nlp import load_scorer
    from nlp.themes import ThemeDetector

    detector = ThemeDetector()
    scorer = load_scorer()
    figures: dict = {"detector": detector.version, "eval": evaluate(detector, scorer)}
    if (DATA / "marc_en_dev.csv.gz").exists():
        figures["aspects_held_out"] = aspects(detector)
        figures["speed"] = speed(detector, scorer)
    else:
        figures["skipped"] = f"{DATA} not found: aspect and speed figures need the shared data"
    ev = figures["eval"]
    print(f"themes eval ({ev['texts']} texts): theme micro-F1 {ev['theme_micro_f1']:.3f} "
          f"(with polarity {ev['theme_polarity_micro_f1']:.3f}), stage F1 {ev['stage_f1']:.3f}, "
          f"referral macro-F1 {ev['referral_macro_f1']:.3f}, primary stage accuracy {ev['primary_stage_accuracy']:.3f}")
    for kind in ("per_theme", "per_stage"):
        for label, s in ev[kind].items():
            print(f"  {label:22s} P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} (n={s['support']})")
    for name, s in figures.get("aspects_held_out", {}).items():
        print(f"  aspects {name:20s} held-out micro-F1 {s['micro_f1']:.3f} ({s['sentences']} sentences)")
    if "speed" in figures:
        sp = figures["speed"]
        print(f"  speed: themes {sp['themes_s']:.3f} s vs sentiment {sp['sentiment_s']:.3f} s "
              f"for {sp['reviews']} reviews = {sp['speed_ratio']:.3f}x")
    got = {**{k: ev[k] for k in ("theme_micro_f1", "stage_f1", "referral_macro_f1")},
           "speed_ratio": figures.get("speed", {}).get("speed_ratio")}
    figures["targets"] = TARGETS
    figures["targets_met"] = all(
        v is not None and (v <= TARGETS[k] if k == "speed_ratio" else v >= TARGETS[k]) for k, v in got.items()
    )
    print(f"target: theme micro-F1 >= {TARGETS['theme_micro_f1']}, stage F1 >= {TARGETS['stage_f1']}, referral "
          f"macro-F1 >= {TARGETS['referral_macro_f1']}, themes no slower than sentiment"
          f"{'' if 'speed' in figures else ' (not measured: no shared data)'} -> "
          f"{'met' if figures['targets_met'] else 'NOT met'}")
    return figures
