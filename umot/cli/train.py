"""``umot train``: fine-tune the sentiment model on one or more labelled files, or on the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from umot.cli._errors import check_writable, check_writable_dir, fail
from umot.cli._train_checks import (
    check_card,
    check_eval_dir,
    check_inputs_outside,
    check_options,
    check_out_dir,
    check_two_outs,
)
from umot.cli._train_settings import config_from
from umot.cli._training_data import ROWS_HELP, SCHEME_HELP, held_out_overlap, load_splits


def train(
    data: Annotated[list[Path] | None, typer.Option(metavar="FILE", help="Labelled CSV/JSONL file (optionally .gz) with a text column; repeat for several.")] = None,
    scheme: Annotated[list[str] | None, typer.Option(metavar="[FILE=]SCHEME", help=f"Label scheme, SCHEME or FILE=SCHEME: {SCHEME_HELP}. Default: detected from the label column.")] = None,
    rows: Annotated[list[str] | None, typer.Option(metavar="[FILE=]N", help=f"{ROWS_HELP}.")] = None,
    holdout: Annotated[list[str] | None, typer.Option(metavar="[FILE=]SHARE", help="Share of each file held out (stratified), SHARE or FILE=SHARE (default 0.1).")] = None,
    fast_out: Annotated[Path | None, typer.Option(help="Also distil a fast 4-layer model into this directory.")] = None,
    fast_epochs: Annotated[float | None, typer.Option(help="With --fast-out: the student's passes over the data (fractions allowed; default 1).")] = None,
    fast_lr: Annotated[float | None, typer.Option(help="With --fast-out: the student's learning rate at its top encoder layer (default 1e-4; --set lr is the full model's).")] = None,
    fast_teacher_mix: Annotated[float | None, typer.Option(help="With --fast-out and --teacher-probs: share (0-1) of the stored teacher's probabilities in the fast model's target, on the texts its file covers; the rest is the full model's (default 0).")] = None,
    from_db: Annotated[bool, typer.Option("--from-db", help="Train on the store's rated reviews (and triage corrections).")] = False,
    brand: Annotated[str | None, typer.Option(help="With --from-db: only this brand's reviews.")] = None,
    database_url: Annotated[str | None, typer.Option(help="With --from-db: database URL (default UMOT_DATABASE_URL).")] = None,
    out: Annotated[Path | None, typer.Option(help="Model directory to write (default: <UMOT_DATA_DIR>/model). Use it with --model / UMOT_MODEL.")] = None,
    card: Annotated[Path | None, typer.Option(help="Model card to write (default: OUT/MODEL_CARD.md).")] = None,
    eval_dir: Annotated[Path | None, typer.Option(help="Folder with marc_en_dev.csv.gz / sst2_dev.csv / tweets_semeval2017_test.csv.gz to evaluate on (default: beside the first --data, if there).")] = None,
    text_column: Annotated[str | None, typer.Option(help="Text column of every --data file (default: text).")] = None,
    encoding: Annotated[list[str] | None, typer.Option(metavar="[FILE=]NAME", help="Text encoding of a --data file that starts with no byte order mark, NAME or FILE=NAME, e.g. cp1252 for an older Excel CSV (default: UTF-8; a UTF-8/16/32 BOM is read as such).")] = None,
    epochs: Annotated[float, typer.Option(help="Passes over the data (fractions allowed).")] = 1.5,
    max_length: Annotated[int, typer.Option(help="Tokens read per training text (head + tail).")] = 128,
    batch_size: Annotated[int, typer.Option(help="Texts per optimisation step.")] = 32,
    seed: Annotated[int, typer.Option(help="Random seed (the run is deterministic).")] = 13,
    limit: Annotated[int | None, typer.Option(help="Use only the first N rows of each file (quick trials).")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", metavar="FIELD=VALUE", help="FIELD=VALUE: any other hyper-parameter (see the model card's table).")] = None,
    teacher_probs: Annotated[Path | None, typer.Option(metavar="FILE", help="Teacher probabilities from `umot teacher` (`make teacher`): training texts found in FILE also learn them.")] = None,
    teacher_weight: Annotated[float | None, typer.Option(help="With --teacher-probs: weight of the loss to the teacher's probabilities (default 1).")] = None,
    teacher_temperature: Annotated[float | None, typer.Option(help="With --teacher-probs: distillation temperature T, softening the teacher's and the model's probabilities alike (default 1: as they are).")] = None,
) -> None:
    """Fine-tune the MiniLM sentiment model on labelled texts and write a model card.

    Each --data file keeps its own labels: star ratings, 5-class sentence
    sentiment, negative/neutral/positive words or 0/1 polarity, all trained
    into one 1-5 star model. `make model` runs this to rebuild the shipped
    models. Point UMOT_MODEL (or --model) at the output directory to use yours.
    """
    fast_options: dict[str, Any] = {k: v for k, v in {"epochs": fast_epochs, "lr": fast_lr}.items() if v is not None}
    check_options(data, from_db, brand, database_url, {"--scheme": scheme, "--text-column": text_column, "--encoding": encoding}, fast_out, fast_options, fast_teacher_mix, teacher_probs,
                   teacher_weight, teacher_temperature)
    teacher_weight = 1.0 if teacher_weight is None else teacher_weight
    teacher_temperature = 1.0 if teacher_temperature is None else teacher_temperature
    import os

    # OpenMP threads that spin at barriers waste a shared CPU: sleep instead (set before torch loads).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    cfg = config_from(set_ or [], epochs=epochs, max_length=max_length, batch_size=batch_size, seed=seed)
    table = None
    if teacher_probs is not None:
        from nlp.teacher.probs import load_probs

        try:
            table = load_probs(teacher_probs)
        except (OSError, ValueError) as exc:
            fail(str(exc))
    from_db_run = None
    if data:
        splits = load_splits(data, scheme or [], rows or [], holdout or [], text_column or "text", limit, seed,
                             cfg.holdout, encoding or [])
    else:
        from umot.cli._training_from_store import store_splits

        splits, from_db_run = store_splits(database_url, brand, rows or [], holdout or [], limit, seed, cfg.holdout)
    trained = [s for s in splits if s.train]
    if sum(len(s.train) for s in trained) < 20 or len({(s.file.scheme, s.file.labels[i]) for s in trained for i in s.train}) < 2:
        fail(f"{', '.join(s.file.name for s in splits)}: need at least 20 labelled texts with two different labels")
    if eval_dir is None and data:  # any of the evaluation files beside the first file, as --eval-dir's help says
        from nlp.eval_files import EVAL_FILES

        if any((data[0].parent / name).exists() for name in EVAL_FILES):
            eval_dir = data[0].parent
    check_eval_dir(eval_dir)  # read now: a bad row costs one line, not the run and a half-written model
    if out is None:
        from core.settings import get_settings

        out = get_settings().data_dir / "model"
    check_writable_dir(out, "--out")  # after the data's checks: a refused file leaves no folder behind
    check_writable_dir(fast_out, "--fast-out")
    check_inputs_outside({"--out": out, "--fast-out": fast_out},
                         [*(("--data", p) for p in data or []), ("--teacher-probs", teacher_probs), ("--eval-dir", eval_dir)])
    check_out_dir(out, "--out", card or out / "MODEL_CARD.md")
    check_out_dir(fast_out, "--fast-out", card)
    check_two_outs(out, fast_out)
    check_card(card, {"--out": out, "--fast-out": fast_out},
               [*(("--data", p) for p in data or []), ("--teacher-probs", teacher_probs)], eval_dir)
    check_writable(card, "--card")
    if from_db:  # its theme corrections are written after the run: a folder they cannot go to is said now
        from core.settings import get_settings

        check_writable_dir(get_settings().data_dir / "theme-corrections", "theme corrections folder")
    import shlex

    from nlp.distill import DistillConfig
    from nlp.run_summary import command_line
    from nlp.train_loop import TrainingDiverged
    from nlp.training_run import TrainingError, run

    if overlap := held_out_overlap(splits):
        typer.echo(overlap)
    fallback = shlex.join(["umot", "train", *(a for p in data or [] for a in ("--data", str(p))),
                           *(["--from-db"] + (["--brand", brand] if brand else []) if from_db else []), "--out", str(out)])
    try:  # the run writes its folders at its end, all or nothing (nlp.staged_output)
        summary = run(splits, out, cfg=cfg, card=card or out / "MODEL_CARD.md", eval_dir=eval_dir, fast_out=fast_out,
                      distill_cfg=DistillConfig(**fast_options, teacher_mix=fast_teacher_mix or 0.0), from_db=from_db_run,
                      command=command_line(fallback=fallback), teacher_probs=table, teacher_weight=teacher_weight,
                      teacher_temperature=teacher_temperature, log=lambda m: typer.echo(m))
    except (TrainingError, TrainingDiverged) as exc:
        fail(str(exc))
    exported = None
    if from_db:  # only now: a refused or failed run changes no brand's theme detector (its version reads the file)
        from umot.cli._training_from_store import export_theme_corrections

        try:
            typer.echo(export_theme_corrections(database_url or get_settings().database_url, brand))
        except OSError as exc:
            exported = f"the model is written, but its theme corrections were not exported: {exc}"
    typer.echo(f"done in {summary.total_minutes} min: " + ", ".join(f"{m.role} {m.version} -> {m.directory}" for m in summary.models))
    from nlp.card import model_option

    use = model_option(fast_out or out)  # ./full: `--model full` is the shipped model
    typer.echo(f"use it: umot score INPUT -o OUTPUT --model {use}   (or UMOT_MODEL={use})")
    if exported is not None:
        fail(exported, code=1)
