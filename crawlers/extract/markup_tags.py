"""Which tag-shaped pieces of a review text are markup, and which are words in angle brackets.

One regex (:data:`TAG`) finds the pieces, none looking past the next ``<``: linear
in the text. :func:`mark_tags` then decides, for all of them at once, which are
plainly markup (:func:`crawlers.extract.markup.strip_markup` removes only those).
"""

from __future__ import annotations

import re

from crawlers.extract.tag_names import COMMON_TAGS, HIDDEN_TAGS, KNOWN_TAGS

_ATTRIBUTE = r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?"""
#: A comment opening, or a start/end tag: ``<name attr="v" ...>``, ``</name>``, ``<name/>``, Word's ``<o:p>``.
#: No part crosses a "<", so no match holds a second "<": the matches from any point on are those of one pass.
TAG = re.compile(rf"<!--|<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][\w.-]*)?)(?:{_ATTRIBUTE})*\s*(/?)>")


def _alone(closing: str, name: str, lower: str, empty: str, tag: str) -> bool:
    """Markup whatever follows: a common name in lower case or capitals, an attribute with a value, ``<o:p/>``."""
    if lower in COMMON_TAGS and (name == lower or (name.isupper() and len(name) > 1)):
        return True
    return not closing and ("=" in tag or bool(empty and ":" in name))


def mark_tags(tags: list[re.Match[str]]) -> tuple[list[bool], dict[int, int]]:
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
