import math

from nlp.text import MAX_CHARS, clean_text


def test_non_strings_become_text_or_nothing():
    assert clean_text(None) == ""
    assert clean_text(math.nan) == ""
    assert clean_text("   \n\t ") == ""
    assert clean_text(42) == "42"
    assert clean_text(b"caf\xc3\xa9 ok") == "café ok"


def test_html_tags_and_entities_are_stripped():
    text = clean_text("<div><p>Broke &amp; useless</p><script>var x = 1;</script><br/>Avoid.</div>")
    assert text == "Broke & useless Avoid."


def test_emoji_become_words():
    assert "thumbs down" in clean_text("👎🏽")
    assert "pouting face" in clean_text("meh 😡")


def test_huge_text_is_cut_to_head_and_tail():
    text = clean_text("start " + "word " * 30_000 + " the end")
    assert len(text) <= MAX_CHARS + 10
    assert text.startswith("start") and text.endswith("the end")
