"""``umot score``: the sentiment model and the theme detector on a file of reviews, from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._scored_rows import journey_columns, kept_columns, kept_row, output_columns, texts_as_stored
from umot.cli._theme_config import themes_detector

#: Column names taken without an option, in any case: `umot import`'s, less the ones other files use for
#: something else (``score``: upvotes; ``subject``: a ticket's); ``stars`` not in umot's own output (its prediction)
FOUND = {"rating": ("rating", "stars", "ratingvalue"), "title": ("title", "headline")}
RATING_HELP = ("Column with a 1-5 star rating: 1-2 stars make a detractor whatever the text "
               "(default: the first column named rating, stars or ratingvalue, in any case, not the stars of "
               "umot score's own output; without one, no rating).")
TITLE_HELP = ("Column with the review's title, read before its text as the nightly run does "
              "(default: the first column named title or headline, in any case; without one, no title).")


def score(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL file (optionally .gz) with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the scored rows (.csv or .jsonl).")],
    text_column: Annotated[str, typer.Option(help="Column holding the review text.")] = "text",
    rating_column: Annotated[str | None, typer.Option(help=RATING_HELP, show_default=False)] = None,
    title_column: Annotated[str | None, typer.Option(help=TITLE_HELP, show_default=False)] = None,
    model: Annotated[str | None, typer.Option(help="fast or full (the shipped models, even beside a folder of that name: write ./full for the folder), a model directory or an HF hub id (default: UMOT_MODEL or the shipped default).")] = None,
    quantized: Annotated[bool | None, typer.Option("--int8/--no-int8", help="int8 weights (default: UMOT_QUANTIZE, else on with ONNX Runtime, off with PyTorch).")] = None,
    backend: Annotated[str | None, typer.Option(help="onnx (ONNX Runtime, default) or torch (default: UMOT_BACKEND).")] = None,
    brand: Annotated[str | None, typer.Option(help="Also find this brand's own themes (\\[\\[themes]] in umot.toml); a brand umot.toml or the store knows.")] = None,
) -> None:
    """Score reviews: add label, stars, p_negative/p_neutral/p_positive, detractor and reasons,
    and the themes (name: polarity), journey stages and primary stage each text speaks of.

    Other columns pass through unchanged; one named like an output (stars,
    language, ...) is kept as input_<name>, and a CSV's blank header cells stay
    blank (in JSONL they are column_<position>). A 1-2 star rating makes a detractor
    whatever the text; a 4-5 star review with strongly negative text is flagged
    as a rating/text mismatch. Empty texts get no score and the reason "empty text".
    A review is read and judged as the nightly run does (title first; "warns
    others off"); texts over UMOT_MAX_REVIEW_CHARS keep their head and tail.
    """
    from nlp.data import DataError, file_format, not_text, read_table, write_rows
    from nlp.review_scoring import score_reviews
    from nlp.text import to_text

    try:
        file_format(output)
        table = read_table(input)
    except DataError as exc:
        fail(str(exc))
    columns, rows = table.columns, table.rows
    if text_column not in columns:
        fail(f"{input}: no {text_column!r} column (columns: {', '.join(columns) or 'none'}); use --text-column")
    rating = _column(input, columns, rating_column, "rating")
    title = _column(input, columns, title_column, "title")
    for row, line in zip(rows, table.lines):
        for column in (text_column, title):
            if column and (problem := not_text(row.get(column), column)):
                fail(f"{input}: row {line}: {problem}")
    _check_output(output)  # not after minutes of scoring; its folders are made once the model loaded
    themes = themes_detector(brand)  # a broken umot.toml fails before the model loads
    _check_brand(brand)
    _check_model(model)
    import nlp

    try:
        scorer = nlp.load_scorer(model, quantized=quantized, backend=backend)
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(f"cannot load model {model or '(default)'}: {exc}")
    texts, cut, limit = texts_as_stored(rows, text_column)
    titles = [to_text(row.get(title)) for row in rows] if title else None
    ratings = [row.get(rating) for row in rows] if rating else None
    scores = score_reviews(scorer, texts, ratings, titles=titles, progress=len(rows) >= 200)
    journeys = themes.detect(texts, [s.label for s in scores], languages=[s.language for s in scores])  # as scored
    renamed = kept_columns(columns)
    if renamed:
        kept = ", ".join(f"{c} as {n}" for c, n in renamed.items())
        typer.echo(f"note: input columns named like umot's outputs are kept under another name: {kept}", err=True)
    merged = ({**kept_row(row, renamed), **s.as_dict(), **journey_columns(j)} for row, s, j in zip(rows, scores, journeys))
    header = ["" if c in table.blank else c for c in output_columns(columns)]  # blank header cells as read
    try:
        write_rows(output, output_columns(columns), merged, header)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc})")
    n_det = sum(s.detractor for s in scores)
    note = f" ({plural(cut, 'text')} longer than UMOT_MAX_REVIEW_CHARS={limit} cut, head and tail kept)" if cut else ""
    typer.echo(f"scored {plural(len(rows), 'row')} with {scorer.version}: {plural(n_det, 'detractor')} -> {output}{note}")


def _column(path: Path, columns: list[str], given: str | None, field: str) -> str | None:
    """The column ``--<field>-column`` names (refused where the file has none: its reviews would be read
    without it, exit 0), else the first whose name is one of :data:`FOUND`'s in any case: a file umot score
    wrote (its ``p_negative`` column) holds the model's ``stars``, never taken for the reviewer's."""
    from umot.cli._scored_rows import SCORE_COLUMNS

    if given is None:
        ours = "p_negative" in columns
        return next((c for c in columns if c.strip().lower() in FOUND[field]
                     and not (ours and c in SCORE_COLUMNS)), None)
    if given not in columns:
        fail(f"{path}: no {given!r} column (columns: {', '.join(columns) or 'none'}); check --{field}-column")
    return given


def _check_brand(brand: str | None) -> None:
    """``--brand`` names a brand umot.toml ([[themes]], [[sources]]) or the store knows: its themes are found by
    that name, so a typo would score without them and say nothing. A missing SQLite store is not created."""
    if brand is None:
        return
    from core.settings import get_settings
    from models import crud
    from models.config_file import read_data
    from models.crud.brands import brand_key
    from models.db import session_scope
    from models.db_url import normalize_url, sqlite_path
    from nlp.themes.brand import ThemeDefinitionError
    from umot.cli._store import open_store

    if not brand.strip():
        fail("--brand is empty: give the brand's name")
    config = get_settings().config_file
    try:
        data = read_data(config, ThemeDefinitionError)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    tables = [t for key in ("themes", "sources") if isinstance(data.get(key), list) for t in data[key]]
    known = {t["brand"].strip() for t in tables if isinstance(t, dict) and isinstance(t.get("brand"), str)}
    if brand_key(brand) in {brand_key(name) for name in known}:
        return  # scoring a file needs no store: only asked when umot.toml does not name the brand
    store = sqlite_path(normalize_url(None))
    if store is None or store.exists():
        with session_scope(open_store(None), write=False) as session:
            known |= {b.name for b in crud.list_brands(session)}
    if brand_key(brand) not in {brand_key(name) for name in known}:
        fail(f"--brand {brand!r}: no such brand in {config} or the store (brands: {', '.join(sorted(known)) or 'none yet'})")


def _check_model(model: str | None) -> None:
    """A missing, damaged or unknown model costs one line before torch loads (seconds) or a hub is asked."""
    from core.settings import get_settings
    from nlp.model_source import model_source_error

    chosen = model or get_settings().model
    problem = model_source_error(chosen) if chosen else None
    if problem:
        fail(f"cannot load model {model or '(default)'}: {problem}")


def _check_output(output: Path) -> None:
    """``-o`` checked as the run would write it, making nothing: its nearest existing folder must take a
    file (an existing file must open for writing)."""
    import tempfile

    probe = output.absolute().parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        if output.is_dir():
            raise IsADirectoryError(f"{output} is a folder")
        if not probe.is_dir():
            raise NotADirectoryError(f"{probe} is not a folder")
        if output.exists():
            with output.open("a", encoding="utf-8"):
                pass
        else:
            with tempfile.TemporaryFile(dir=probe):
                pass
    except OSError as exc:
        fail(f"-o {output}: cannot write ({exc.strerror or exc})")
