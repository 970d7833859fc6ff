"""Themes and journey stages for stored reviews (#18): the step after scoring, and ``umot rescore``.

Every review whose current reading is not from its brand's current detector
version is read in batches: the brand's own themes (``[[themes]]`` in umot.toml)
and its exported triage corrections (``umot train --from-db``) make that version,
so editing either re-reads the brand's reviews on the next run. The newest
sentiment label gives clauses without a clear lexicon polarity theirs; a review
read before it was scored is read again once it has a label (``journeys.UNLABELLED``),
and only then, so a night re-reads only what changed. The referral intent it reads replaces the
stored one (``flows.tasks.referral_readings``). Each batch is one transaction; a killed run keeps
the finished batches. A review an import or crawl edited after its batch was read
(``edited_at`` no longer as read) is left out of the write: it is read again from its new text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress

APP_SPIDERS = ("appstore", "googleplay")  # reviews of an app: app themes apply whatever the words


def detector_for(brand: str, *, config_file: Path | None = None, data_dir: Path | None = None) -> Any:
    """The brand's detector: default themes + its umot.toml themes + its exported corrections.

    A corrections file that does not load (a hand edit, a cut copy) is refused as a bad umot.toml
    is, with a ``ThemeDefinitionError`` naming the file and line: it is part of the detector.
    """
    from core.settings import get_settings
    from nlp.themes import ThemeDetector
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import brand_themes
    from nlp.themes.corrections import CorrectionMemory, corrections_file

    settings = get_settings()
    themes = brand_themes(config_file or settings.config_file, brand)
    path = corrections_file(data_dir or settings.data_dir, brand)
    try:
        memory = CorrectionMemory.load(path)
    except ValueError as exc:  # the message names the file and line (UnicodeDecodeError: the file)
        raise ThemeDefinitionError(str(exc) if str(path) in str(exc) else f"{path}: {exc}") from exc
    except OSError as exc:
        raise ThemeDefinitionError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return ThemeDetector(themes, memory)


def _is_app(source: str | None) -> bool | None:
    return True if (source or "").split(":")[0] in APP_SPIDERS else None


def detect_brand(brand_id: int, brand: str, *, batch_size: int = 500, every: bool = False,
                 config_file: Path | None = None, database_url: str | None = None) -> int:
    """Read every review of one brand lacking a reading from its detector version; how many were read.

    ``every``: read them all again under the same version (after a rule change in development).
    """
    from flows.tasks.referral_readings import write_referral_readings
    from models.crud.journeys import reading_version, save_journeys, undetected_reviews
    from models.crud.review_locks import still_as_read
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from nlp.review_scoring import review_text

    detector = detector_for(brand, config_file=config_file)
    version = detector.version
    done, last_id = 0, 0
    while True:
        with session_scope(get_engine(database_url), write=False) as session:
            batch = undetected_reviews(session, model_version=version, brand_id=brand_id, limit=batch_size,
                                       after_id=last_id if every else None, every=every)
            rows = [(stored_id(r), review_text(r.title, r.text), label, _is_app(r.source), r.language,
                     r.referral_intent, r.edited_at) for r, label in batch]
        if not rows:
            return done
        ids, texts, labels, apps, languages, intents, edits = zip(*rows, strict=True)  # languages as stored
        results = detector.detect(texts, labels, apps, languages)
        with session_scope(get_engine(database_url)) as session:
            kept = still_as_read(session, dict(zip(ids, edits)))  # one edited meanwhile: read again, not saved
            read = [(rid, label, res) for rid, label, res in zip(ids, labels, results, strict=True) if rid in kept]
            save_journeys(session, [{"review_id": rid, "model_version": reading_version(version, label), **res.as_dict()}
                                    for rid, label, res in read],
                          known_themes=detector.theme_names)  # a removed brand theme's corrections no longer apply
            write_referral_readings(session, dict(zip(ids, intents)), [(r, res) for r, _, res in read])  # current rules'
        done += len(read)
        last_id = rows[-1][0]
        progress.emit("themes", "themes", f"{done} reviews read", advance=len(read))


@task(name="detect-themes", timeout_seconds=3600, retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def detect_themes(brand_ids: Sequence[int] | None = None, batch_size: int = 500) -> int:
    """Themes and stages for every brand's (or these brands') reviews still without a current reading."""
    from sqlmodel import col, select

    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Brand

    progress.emit("themes", "themes", "reading themes and stages")
    with session_scope(get_engine(), write=False) as session:
        query = select(Brand)
        if brand_ids is not None:
            query = query.where(col(Brand.id).in_(list(brand_ids) or [-1]))
        brands = [(stored_id(b), b.name) for b in session.exec(query)]
    from nlp.themes.brand import ThemeDefinitionError

    read = 0
    for bid, name in brands:
        try:
            read += detect_brand(bid, name, batch_size=batch_size)
        except ThemeDefinitionError as exc:  # a hand edit gone wrong: that brand's stored themes stay, not the night
            from prefect.logging import get_run_logger

            get_run_logger().warning("themes and stages of %s not read: %s", name, exc)
    progress.emit("themes", "themes", f"{read} reviews read", done=True)
    return read
