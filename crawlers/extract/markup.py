"""HTML markup out of a review text, without losing what only looks like markup.

Review texts arrive with real markup (``<br>``, ``<p>``, ``<b>``) but also with
words in angle brackets (``press <Reset>``, ``<!here>``, ``<https://x|click>``)
and with text the site escaped on purpose (``&lt;b&gt;``). An HTML parser would
swallow the words and, past ~255 unclosed "tags", the rest of the text. So only
tags that are plainly markup (:func:`_markup`) and comments are removed, everything
else stays, and entities are decoded once, in the text around the tags, so escaped
text is never read as a tag. One regex pass finds the tag-shaped pieces, none looking
past the next ``<``: linear in the text, which runs on every review of every page.

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
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre",
    "search", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "xmp"
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
#: The common names, tags wherever they stand in lower case or capitals (``<b>``, ``<BR>``), as they were
#: before the rest were read: a stored review whose text read differently would get a new content id.
COMMON_TAGS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "big", "blink", "blockquote", "br", "caption",
    "center", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark",
    "nav", "nobr", "ol", "p", "pre", "q", "s", "samp", "script", "section", "small", "span", "strike", "strong",
    "style", "sub", "sup", "table", "tbody", "td", "template", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
    "var", "wbr",
})
_CUTS = {name: "\n" if name in BLOCK_TAGS else " " if name in SPACE_TAGS else "" for name in KNOWN_TAGS}
_END_OF = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in HIDDEN_TAGS & COMMON_TAGS}

_ATTRIBUTE = r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?"""
# A comment opening, or a start/end tag: ``<name attr="v" ...>``, ``</name>``, ``<name/>``, Word's ``<o:p>``.
# No part crosses a "<", so no match holds a second "<": the matches from any point on are those of one pass.
_TAG = re.compile(rf"<!--|<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][\w.-]*)?)(?:{_ATTRIBUTE})*\s*(/?)>")


class ParsedText(str):
    """Text an HTML parser already read (an element's text content): no tags, entities decoded.

    Stripping it again would read a site-escaped ``&lt;b&gt;`` as a tag and decode
    ``&amp;lt;`` a second time.
    """

    __slots__ = ()


def _alone(closing: str, name: str, lower: str, empty: str, tag: str) -> bool:
    """Markup whatever follows: a common name in lower case or capitals, an attribute with a value, ``<o:p/>``."""
    if lower in COMMON_TAGS and (name == lower or (name.isupper() and len(name) > 1)):
        return True
    return not closing and ("=" in tag or bool(empty and ":" in name))


def _markup(tags: list[re.Match[str]]) -> tuple[list[bool], dict[int, int]]:
    """Which of the tag-shaped ``tags`` are markup, and each start tag's end tag (both by index).

    ``<Menu>``, ``<A>`` (a key), ``<select>``, ``<title>``, ``<error:network>`` are words more often than
    markup, and were read so: a name outside :data:`COMMON_TAGS`, in mixed case or a single capital, or
    prefixed (Word's ``<o:p>``), is a tag only with an attribute with a value (``<time datetime=...>``), or
    with its own end tag after it, in the same case (``<P>…</P>``, ``<label>fast</label>``, ``<o:p></o:p>``;
    not ``<A>`` before ``</a>``), or prefixed and closing itself. An svg, noscript or iframe with neither
    attributes nor markup inside (``<svg> export </svg>``) is words too.
    """
    marked: list[bool] = []
    pairs: dict[int, int] = {}  # start tag -> its end tag: the next one of the same name, nesting
    opened: dict[str, list[tuple[int, int]]] = {}  # name -> its start tags still open, with `plain` after each
    plain = 0  # how many tags so far are plainly markup: alone (``<path d=...>`` too) or an end tag paired
    for i, tag in enumerate(tags):
        closing, name, empty = tag.group(1, 2, 3)
        if name is None:  # "<!--"
            marked.append(False)
            continue
        lower = name.lower()
        known = lower in KNOWN_TAGS or ":" in name
        markup = _alone(closing, name, lower, empty, tag[0])
        marked.append(known and markup)
        if closing and (starts := opened.get(name)):
            start, before = starts.pop()
            pairs[start] = i
            if known and not marked[start]:  # its end tag makes it a tag (an svg also needs markup inside)
                marked[start] = lower not in HIDDEN_TAGS or plain > before
            marked[i] = marked[i] or marked[start]
        elif not closing and not empty:
            opened.setdefault(name, []).append((i, plain + markup))
        plain += markup or marked[i]
    return marked, pairs


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
    tags = list(_TAG.finditer(text))
    marked, pairs = _markup(tags)
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
