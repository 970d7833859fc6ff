"""HTML markup out of a review text, without losing what only looks like markup.

Review texts arrive with real markup (``<br>``, ``<p>``, ``<b>``) but also with
words in angle brackets (``press <Reset>``, ``<!here>``, ``<https://x|click>``)
and with text the site escaped on purpose (``&lt;b&gt;``). An HTML parser would
swallow the words and, past ~255 unclosed "tags", the rest of the text. So only
tags with an HTML element's name (:func:`_cut`), comments and Word's prefixed tags
(``<o:p>``) are removed, everything else stays, and entities are decoded once, in
the text around the tags, so escaped text is never read as a tag. One regex search per tag, none looking past the next
``<``: linear in the text, which runs on every review of every page.

That holds for JSON-LD strings, which are raw. Microdata and RDFa text comes from
an HTML parser, entities decoded and markup already gone: it is marked
:class:`ParsedText` and read as it is (``&lt;b&gt;`` on the page is a literal ``<b>``).
"""

from __future__ import annotations

import html
import re

from lxml.html import defs as html_defs

#: Tags that end a line of text: their place becomes a line break.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p",
    "pre", "search", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "xmp"
})
#: Tags that separate words without ending a line: their place becomes a space.
SPACE_TAGS = frozenset({"button", "img", "input", "select", "td", "textarea", "th", "wbr"})
#: Tags whose content is not text either: removed up to their end tag.
HIDDEN_TAGS = frozenset({"iframe", "noscript", "script", "style", "svg", "template"})
#: Every HTML element name (lxml's list and the newer ones it lacks); the rest are inline: removed
#: without a trace (``<b>x</b>y`` is ``xy``).
KNOWN_TAGS = frozenset(html_defs.tags) | BLOCK_TAGS | SPACE_TAGS | HIDDEN_TAGS | {
    "bdi", "data", "frame", "image", "menuitem", "nobr", "noembed", "noframes", "picture", "plaintext", "rb",
    "rtc", "slot",
}
_CUTS = {name: "\n" if name in BLOCK_TAGS else " " if name in SPACE_TAGS else "" for name in KNOWN_TAGS}
_END_OF = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in HIDDEN_TAGS}

_ATTRIBUTE = r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?"""
# A comment opening, or a start/end tag: ``<name attr="v" ...>``, ``</name>``, ``<name/>``, Word's ``<o:p>``.
# No part crosses a "<", so a failed try never looks past the next one.
_TAG = re.compile(rf"<!--|<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][\w.-]*)?)(?:{_ATTRIBUTE})*\s*(/?)>")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")


class ParsedText(str):
    """Text an HTML parser already read (an element's text content): no tags, entities decoded.

    Stripping it again would read a site-escaped ``&lt;b&gt;`` as a tag and decode
    ``&amp;lt;`` a second time.
    """

    __slots__ = ()


def _cut(name: str, ends: set[str]) -> str | None:
    """What a tag named ``name`` becomes (a line break, a space, nothing), or None when it is text.

    A name is read in any case, but ``<Menu>``, ``<Time>`` and ``<A>`` are words or keys more often than
    markup: a name written neither in lower case nor in capitals, and a single capital letter, is a
    tag only when its end tag is in the text too (``<P>old</P>``, ``<Div>x</Div>``). A prefixed name
    (Word's ``<o:p>``, ``<st1:place>``) is markup, removed without a trace.
    """
    if ":" in name:
        return ""
    lower = name.lower()
    if (cut := _CUTS.get(lower)) is None or name == lower or (name.isupper() and len(name) > 1):
        return cut
    return cut if lower in ends else None


def _text(piece: str) -> str:
    return html.unescape(piece) if "&" in piece else piece


def _skip_hidden(text: str, name: str, pos: int, unclosed: set[str]) -> int:
    """Where a hidden element (a script, an svg...) that opens at ``pos`` ends (its end tag), or ``pos`` when it never ends."""
    close = None if name in unclosed else _END_OF[name].search(text, pos)
    if close is None:
        unclosed.add(name)  # no end tag after this one: none after a later one either
        return pos
    return close.start()  # the end tag is then removed as a tag


def strip_markup(text: str) -> str:
    """``text`` with HTML tags and comments removed and entities decoded once; nothing else dropped."""
    if "<" not in text:
        return _text(text)
    parts: list[str] = []
    pos = 0  # text before pos is in parts
    comments_end = True  # False once a comment never closes: later "<!--" cannot close either
    unclosed: set[str] = set()  # hidden tags with no end tag left
    ends = {name.lower() for name in _END_TAG.findall(text)}  # for <P> and <Div>: see _cut
    match = _TAG.search(text)
    while match is not None:
        start, end = match.span()
        closing, name, empty = match.group(1, 2, 3)
        if name is None:  # "<!--"
            close = text.find("-->", end) if comments_end else -1
            comments_end = close >= 0
            if comments_end:
                if start > pos:
                    parts.append(_text(text[pos:start]))
                pos = end = close + 3
        elif (cut := _cut(name, ends)) is not None:
            between = _text(text[pos:start])
            if cut == "\n" and name.lower() != "br" and parts and parts[-1] == "\n" and not between.strip():
                between = cut = ""  # </li><li>, </p><p>: one line break, not two (<br><br> stays two)
            if between:
                parts.append(between)
            if cut:
                parts.append(cut)
            pos = end
            if not closing and not empty and name.lower() in HIDDEN_TAGS:
                pos = end = _skip_hidden(text, name.lower(), end, unclosed)
        match = _TAG.search(text, end)
    parts.append(_text(text[pos:]))
    return "".join(parts)
