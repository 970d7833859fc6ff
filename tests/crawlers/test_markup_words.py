"""Words in angle brackets that share a name with an HTML element stay words unless plainly markup.

A review's text that reads differently gets a new content id (an id-less review would be stored again), so
what was read as words before the rarer element names were read as tags still is: keys (``<A>``, ``<P>``),
``<select>``, ``<title>``, ``<error:network>``, ``<svg> export </svg>``.
"""

from __future__ import annotations

import pytest

from crawlers.extract.markup import strip_markup
from crawlers.extract.node_text import text_of


def test_keys_stay_beside_lower_case_tags_of_the_same_letter() -> None:
    raw = '<p>Press <A> to jump and <B> to attack.</p><a href="/g">game</a>, <b>buy it</b>'
    assert text_of(raw) == "Press <A> to jump and <B> to attack.\ngame, buy it"
    assert text_of("Hold <P> to pause.<p>Second paragraph</p>") == "Hold <P> to pause.\nSecond paragraph"


def test_an_end_tag_pairs_only_with_a_start_tag_before_it_in_the_same_case() -> None:
    assert strip_markup("</B> ends it, <B> starts it") == "</B> ends it, <B> starts it"
    assert strip_markup("Hold <P> then <P>this</P>") == "Hold <P> then \nthis\n"
    assert strip_markup("<A> jumps, <i>really</i>") == "<A> jumps, really"


@pytest.mark.parametrize(
    "raw",
    ["Press <select> to pause", "The <time> ran out", "stuck on the <title> screen", "a <label> printer",
     "pick <option> two", "an <object> file", "It says <error:network> every time", "Use <svg> export… </svg> lol",
     "<noscript>enable JS</noscript> it says", "<Script>x</Script> runs", "hit <Input> then <OK>"],
)
def test_rarer_element_names_and_prefixed_words_stay(raw: str) -> None:
    assert strip_markup(raw) == raw


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<center>big</center> deal", "big deal"),  # inline, as it always was
        ('<A HREF="/x">here', "here"),
        ("<o:p/>Word<o:p></o:p>", "Word"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>icon gone', "icon gone"),
        ('x<svg><path d="M0"/><text>icon</text></svg>y', "xy"),
        ("<NOSCRIPT><IMG SRC=x>enable JS</NOSCRIPT>shown", "shown"),
        ('<select name="n"><option>one</option></select>', " \none\n "),
    ],
)
def test_plain_markup_still_goes(raw: str, text: str) -> None:
    assert strip_markup(raw) == text


@pytest.mark.parametrize(
    "unit", ["<P>", "</P>", "<svg>", "<b>x</b> ", "<o:p></o:p>", "<A> <Time> <select> <svg><path d=1/></svg> "],
)
def test_a_100_kb_text_full_of_tags_is_read_whole(unit: str) -> None:
    """20,000 tags in one text (a pass quadratic in them would take minutes here: speed is `make bench`'s)."""
    text = unit * (100_000 // len(unit)) + "</svg>" * 5_000
    read = strip_markup(text)
    assert len(read) <= len(text) and not read.startswith(("<b>", "<o:p>", "<path"))
