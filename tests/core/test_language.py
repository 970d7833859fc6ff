"""core/language.py: one language detector for the crawlers and the scorer."""

from __future__ import annotations

from core.language import detect_language


def test_guess_from_the_text() -> None:
    assert detect_language("This blender is great, it crushes ice in seconds.") == "en"
    assert detect_language("Der Mixer ist leider nach zwei Wochen kaputt gegangen.") == "de"
    assert detect_language("Das Produkt ist wirklich gut und ich bin sehr zufrieden damit") == "de"
    assert detect_language("Chambre propre et calme, personnel accueillant.") == "fr"
    assert detect_language("ok") is None  # too short to guess


def test_declared_language_wins_and_the_page_language_is_the_fallback() -> None:
    assert detect_language("Whatever the text says", declared="de-AT") == "de"
    assert detect_language("ok 👍", page_language="es-ES") == "es"  # too short to guess
    assert detect_language("", page_language=None) is None


def test_a_confident_guess_beats_the_pages_language() -> None:
    """An English review on a German shop page is English: the page's lang is the last resort."""
    assert detect_language("This blender is great, it crushes ice in seconds.", page_language="de-DE") == "en"


def test_only_language_tags_are_read_as_languages() -> None:
    from core.language import normalise_language

    assert [normalise_language(t) for t in ("en-GB", "de_DE", "EN", "fil")] == ["en", "de", "en", "fil"]
    assert [normalise_language(t) for t in ("", "x", "english", "12", None, 7)] == [None] * 6
