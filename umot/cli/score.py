"""``umot score``: the sentiment model and the theme detector on a file of reviews, from the command line.

The command reads, checks, scores and writes in order; each step's rules live beside it:
:mod:`umot.cli._score_columns` (which columns hold a rating, a title and a language), :mod:`umot.cli._score_checks`
(``--brand``, ``--model``) and :mod:`umot.cli._score_output` (``-o``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._score_checks import check_brand, check_model
from umot.cli._score_columns import LANGUAGE_HELP, RATING_HELP, TITLE_HELP, find_column
from umot.cli._score_output import check_output, write_scored
from umot.cli._scored_rows import texts_as_stored
from umot.cli._theme_config import themes_detector


def score(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL file (optionally .gz) with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the scored rows (.csv or .jsonl).")],
    text_column: Annotated[str, typer.Option(help="Column holding the review text.")] = "text",
    rating_column: Annotated[str | None, typer.Option(help=RATING_HELP, show_default=False)] = None,
    title_column: Annotated[str | None, typer.Option(help=TITLE_HELP, show_default=False)] = None,
    language_column: Annotated[str | None, typer.Option(help=LANGUAGE_HELP, show_default=False)] = None,
    model: Annotated[str | None, typer.Option(help="fast or full (the shipped models, even beside a folder of that name: write ./full for the folder), a model directory or an HF hub id (default: UMOT_MODEL or the shipped default).")] = None,
    quantized: Annotated[bool | None, typer.Option("--int8/--no-int8", help="int8 weights (default: UMOT_QUANTIZE, else on with ONNX Runtime, off with PyTorch).")] = None,
    backend: Annotated[str | None, typer.Option(help="onnx (ONNX Runtime, default) or torch (default: UMOT_BACKEND).")] = None,
    brand: Annotated[str | None, typer.Option(help="Also find this brand's own themes (\\[\\[themes]] in umot.toml); a brand umot.toml or the store knows.")] = None,
    encoding: Annotated[str | None, typer.Option(help="INPUT's text encoding when it starts with no byte order mark, e.g. cp1252 for an older Excel CSV (default: UTF-8; a UTF-8/16/32 BOM is read as such). The output is UTF-8.", show_default=False)] = None,
) -> None:
    """Score reviews: add label, stars, p_negative/p_neutral/p_positive, detractor and reasons,
    and the themes (name: polarity), journey stages and primary stage each text speaks of.

    Other columns pass through unchanged; one named like an output (stars,
    language, ...) is kept as input_<name>, and a CSV's blank header cells stay
    blank (in JSONL they are column_<position>). A 1-2 star rating makes a detractor
    whatever the text; a 4-5 star review with strongly negative text is flagged
    as a rating/text mismatch (not in another language: the English model is the
    weaker signal there). Empty texts get no score and the reason "empty text".
    A review is read and judged as the nightly run does (title first, for its
    themes too; "warns others off"; in its language: --language-column or a column
    named language, lang or inlanguage, else a guess from the words); texts over
    UMOT_MAX_REVIEW_CHARS keep their head and tail.
    """
    from core.text_encoding import check_encoding
    from nlp.data import DataError, file_format, not_text, read_table
    from nlp.review_scoring import review_text, score_reviews
    from nlp.text import to_text

    try:
        encoding = check_encoding(encoding)
    except ValueError as exc:
        fail(f"--encoding {encoding!r}: {exc}")
    try:
        file_format(output)
        table = read_table(input, encoding)
    except DataError as exc:
        fail(str(exc))
    columns, rows = table.columns, table.rows
    if not rows and not columns:  # an empty JSONL file has no columns either: "no 'text' column" misled
        fail(f"{input}: empty file (no rows)")
    if text_column not in columns:
        fail(f"{input}: no {text_column!r} column (columns: {', '.join(columns) or 'none'}); use --text-column")
    rating = find_column(input, columns, rating_column, "rating")
    title = find_column(input, columns, title_column, "title")
    language = find_column(input, columns, language_column, "language")  # a declared language wins over the guess
    for row, line in zip(rows, table.lines):
        for column in (text_column, title):
            if column and (problem := not_text(row.get(column), column)):
                fail(f"{input}: row {line}: {problem}")
    check_output(output)  # not after minutes of scoring; its folders are made once the model loaded
    themes = themes_detector(brand)  # a broken umot.toml fails before the model loads
    check_brand(brand)
    check_model(model)
    import nlp

    try:
        scorer = nlp.load_scorer(model, quantized=quantized, backend=backend)
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(f"cannot load model {model or '(default)'}: {exc}")
    texts, cut, limit = texts_as_stored(rows, text_column)
    titles = [to_text(row.get(title)) for row in rows] if title else None
    ratings = [row.get(rating) for row in rows] if rating else None
    languages = [row.get(language) for row in rows] if language else None
    scores = score_reviews(scorer, texts, ratings, titles=titles, languages=languages, progress=len(rows) >= 200)
    read = [review_text(t, to_text(x)) for t, x in zip(titles, texts)] if titles else texts  # as the nightly run
    journeys = themes.detect(read, [s.label for s in scores], languages=[s.language for s in scores])  # as scored
    write_scored(output, table, scores, journeys)
    n_det = sum(s.detractor for s in scores)
    note = f" ({plural(cut, 'text')} longer than UMOT_MAX_REVIEW_CHARS={limit} cut, head and tail kept)" if cut else ""
    typer.echo(f"scored {plural(len(rows), 'row')} with {scorer.version}: {plural(n_det, 'detractor')} -> {output}{note}")
