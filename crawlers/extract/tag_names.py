"""HTML element names, by what their tag leaves in a review text (:func:`crawlers.extract.markup.strip_markup`).

Kept apart from the stripping so the lists read as data: which names end a line,
which separate words, which hide their content, and which are tags wherever they stand.
"""

from __future__ import annotations

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
