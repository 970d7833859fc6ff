"""Every HTML element's tags leave a review's text where they are plainly markup (``<time datetime>``,
``<label>…</label>``, Word's ``<o:p></o:p>``, old upper-case ``<P>…</P>``), hidden elements with their
content; words in brackets stay (tests/crawlers/test_markup_words.py)."""

from __future__ import annotations

import pytest

from crawlers.extract.markup import strip_markup
from crawlers.extract.node_text import text_of
from crawlers.extract.schemaorg import extract_page


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ('<p class="MsoNormal">The kettle leaks.<o:p></o:p></p><p class="MsoNormal">Avoid it.<o:p></o:p></p>',
         "The kettle leaks.\nAvoid it."),
        ('<w:Sdt id="1">Fine</w:Sdt> <st1:place w:st="on">Paris</st1:place>', "Fine Paris"),
        ("<P>Old style markup.</P><P>Second paragraph here.</P>", "Old style markup.\nSecond paragraph here."),
        ("<B>Loud</B> and <I>slow</I>", "Loud and slow"),
        ('Bought on <time datetime="2024-03-01">1 March</time>, broke <label>fast</label>.',
         "Bought on 1 March, broke fast."),
        ("<main><section>One</section><details><summary>More</summary>Two</details></main>", "One\nMore\nTwo"),
        ('<Div>Mixed</Div><Span class="x">case</Span>', "Mixed\ncase"),
        ("<data value='3'>three</data> <mark>stars</mark> <bdi>x</bdi>", "three stars x"),
        ("ok<noscript><img src=x>enable JS</noscript> then<iframe src='/ad'>ad text</iframe>.", "ok then."),
        ('a<svg viewBox="0 0 1 1"><path d="M0"/><text>icon</text></svg>b<template><p>t</p></template>c', "abc"),
        ("<NOSCRIPT><P>hidden</P></NOSCRIPT>shown", "shown"),
    ],
)
def test_html_tags_go(raw: str, text: str) -> None:
    assert text_of(raw) == text


@pytest.mark.parametrize(
    "raw",
    ["a <3 b", "x < y and y > z", "<insert name>", "press <A> then <Menu>", "hold <P> to pause", "type <Time> here",
     "<mailto:bob@example.com|Bob>", "<https://evil.example|click>", "see <Label>"],
)
def test_words_in_brackets_stay(raw: str) -> None:
    assert text_of(raw) == raw


def test_an_upper_case_letter_with_its_end_tag_is_markup_and_without_one_a_word() -> None:
    assert strip_markup("<A HREF='/x'>here</A> and <B>bold</B>") == "here and bold"
    assert strip_markup("press <B> to boil, <A> to stop") == "press <B> to boil, <A> to stop"


def test_the_hunted_json_ld_reviews_lose_their_markup() -> None:
    bodies = ['<p class=\\"MsoNormal\\">The kettle leaks.<o:p></o:p></p>', "<P>Old style markup.</P>",
              'Bought on <time datetime=\\"2024-03-01\\">1 March</time>, broke <label>fast</label>.']
    reviews = ",".join(f'{{"@type": "Review", "@id": "m{n}", "author": "Ann", "reviewBody": "{body}"}}'
                       for n, body in enumerate(bodies))
    html = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product",'
            f' "name": "Kettle", "review": [{reviews}]}}</script></head></html>')
    rows = extract_page(html.encode(), "https://shop.example/kettle").reviews
    assert [r["text"] for r in rows] == ["The kettle leaks.", "Old style markup.", "Bought on 1 March, broke fast."]
