"""A name given as a link (``By <a href="/users/ann">Ann</a>``) is the link's text, and what crawls read before.

Microdata (:mod:`crawlers.extract.microdata`) read such a name as the link's URL and RDFa
(:mod:`crawlers.extract.rdfa`) as a reference to it (no name at all): a review's author was
``https://shop.example/users/ann`` or none, a product ``https://shop.example/shop/mug``. Both now
give the text, as a :class:`LinkText` that keeps what they gave before: the author and the item's
name are part of a review's id (its content id, an id scoped to the item), so the row carries them
as read before (``extra[LINK_NAMES]``, ``extra["link_id"]``) and the store finds the review stored
under them (``models.crud.link_names``) instead of storing it again.
"""

from __future__ import annotations

from typing import Any

from crawlers.extract.markup import ParsedText

#: Properties that name someone or something: on a link, the name is its text, not its URL.
NAME_PROPERTIES = frozenset({"author", "creator", "contributor", "editor", "publisher", "name", "alternateName"})
#: ``extra`` key of a row whose author or title crawls before read otherwise (a name given as a link):
#: ``{"author": ..., "title": ...}`` as they read it, ``""`` for none (``models.crud.link_names`` reads it).
LINK_NAMES = "link_names"


class LinkText(ParsedText):
    """A link's text read as a name; ``before``: the value crawls before read (its URL, or a reference to it)."""

    before: Any

    def __new__(cls, text: str, before: Any) -> LinkText:
        made = super().__new__(cls, text)
        made.before = before
        return made


def is_name(properties: str | None) -> bool:
    """Does a property list (``itemprop="author"``, ``property="schema:name"``) hold a name property?"""
    names = {name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in (properties or "").split()}
    return bool(names & NAME_PROPERTIES)


def read_before(value: Any) -> Any:
    """``value`` as crawls before read it: each :class:`LinkText` in it (in a list, a node's values) its link."""
    if isinstance(value, LinkText):
        return value.before
    if isinstance(value, list):
        return [read_before(v) for v in value]
    if isinstance(value, dict):
        return {key: read_before(v) for key, v in value.items()}
    return value


def has_link_text(value: Any) -> bool:
    """Does ``value`` (in a list, a node's values) hold a :class:`LinkText`? Without one, :func:`read_before`
    gives it back as it is (JSON-LD never has one): nothing to read twice."""
    if isinstance(value, LinkText):
        return True
    if isinstance(value, list):
        return any(has_link_text(v) for v in value)
    if isinstance(value, dict):
        return any(has_link_text(v) for v in value.values())
    return False


def named_before(item: Any) -> Any:
    """An item node with its names as crawls before read them (a shallow copy: its reviews are not read again);
    the item itself where they read them as now."""
    if not isinstance(item, dict):
        return item
    before = {key: read_before(item[key]) for key in ("name", "alternateName") if key in item}
    return {**item, **before} if any(value is not item[key] for key, value in before.items()) else item
