"""HTML markup out of a review text, without losing what only looks like markup.

Review texts arrive with real markup (``<br>``, ``<p>``, ``<b>``) but also with
words in angle brackets (``press <Reset>``, ``<!here>``, ``<https://x|click>``)
and with text the site escaped on purpose (``&lt;b&gt;``). An HTML parser would
swallow the words and, past ~255 unclosed "tags", the rest of the text. So only
tags that are plainly markup (:func:`crawlers.extract.markup_tags.mark_tags`) and
comments are removed, everything else stays, and entities are decoded once, in the
text around the tags, so escaped text is never read as a tag. One regex pass finds
the tag-shaped pieces (:data:`crawlers.extract.markup_tags.TAG`), none looking past
the next ``<``: linear in the text, which runs on every review of every page. The
element names are :mod:`crawlers.extract.tag_names`.

That holds for JSON-LD strings, which are raw. Microdata and RDFa text comes from
an HTML parser, entities decoded and markup already gone: it is marked
:class:`ParsedText` and read as it is (``&lt;b&gt;`` on the page is a literal ``<b>``).
"""

from __future__ import annotations

import html
import re

from crawlers.extract.markup_tags import TAG, mark_tags
from crawlers.extract.tag_names import BLOCK_TAGS, COMMON_TAGS, HIDDEN_TAGS, KNOWN_TAGS, SPACE_TAGS

__all__ = ["BLOCK_TAGS", "COMMON_TAGS", "HIDDEN_TAGS", "KNOWN_TAGS", "SPACE_TAGS", "ParsedText", "strip_markup"]

_CUTS = {name: "\n" if name in BLOCK_TAGS else " " if name in SPACE_TAGS else "" for name in KNOWN_TAGS}
_END_OF = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in HIDDEN_TAGS & COMMON_TAGS}


class ParsedText(str):
    """Text an HTML parser already read (an element's text content): no tags, entities decoded.

    Stripping it again would read a site-escaped ``&lt;b&gt;`` as a tag and decode
    ``&amp;lt;`` a second time.
    """

    __slots__ = ()


def _text(piece: str) -> str:
    return html.unescape(piece) if "&" in piece else piece


def _skip_hidden(text: str, name: str, pos: int, unclosed: set[str]) -> int:
    """Where a script, style or template that opens at ``pos`` ends (its end tag), or ``pos`` when it never ends."""
    close = None if name in unclosed else _END_OF[name].search(text, pos)
    if close is None:
        unclosed.add(name)  # no end tag after this one: none after a later one either
        return pos
    return close.start()  # the end tag is then removed as a tag


def strip_markup(text: str) -> str:
    """``text`` with HTML tags and comments removed and entities decoded once; nothing else dropped."""
    if "<" not in text:
        return _text(text)
    tags = list(TAG.finditer(text))
    marked, pairs = mark_tags(tags)
    parts: list[str] = []
    pos = 0  # text before pos is in parts
    comments_end = True  # False once a comment never closes: later "<!--" cannot close either
    unclosed: set[str] = set()  # hidden tags with no end tag left
    for i, tag in enumerate(tags):
        start, end = tag.span()
        closing, name, empty = tag.group(1, 2, 3)
        if start < pos:
            continue  # in a comment or a hidden element
        if name is None:  # "<!--"
            close = text.find("-->", end) if comments_end else -1
            comments_end = close >= 0
            if comments_end:
                if start > pos:
                    parts.append(_text(text[pos:start]))
                pos = close + 3
        elif marked[i]:
            lower = name.lower()
            cut = _CUTS.get(lower, "")  # a prefixed name goes without a trace
            between = _text(text[pos:start])
            if cut == "\n" and lower != "br" and parts and parts[-1] == "\n" and not between.strip():
                between = cut = ""  # </li><li>, </p><p>: one line break, not two (<br><br> stays two)
            if between:
                parts.append(between)
            if cut:
                parts.append(cut)
            pos = end
            if not closing and not empty and lower in HIDDEN_TAGS:
                pos = (_skip_hidden(text, lower, end, unclosed) if lower in _END_OF
                       else tags[pairs[i]].start() if i in pairs else end)
    parts.append(_text(text[pos:]))
    return "".join(parts)
