"""Import extruct without paying for the one extractor umot never runs.

extruct's package imports all of its extractors; the microformats one imports
mf2py, which pulls in BeautifulSoup, soupsieve, requests and html5lib: about a
tenth of a crawl process's CPU when nothing is new. umot reads JSON-LD,
microdata and RDFa only, so mf2py is first registered as a stand-in module
that imports the real one the first time anything reads a name from it.
(``importlib.util.LazyLoader`` cannot do this on Python 3.11: the ``import``
statement itself reads ``__spec__`` and so loads a lazy module at once.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its names is read."""

    def __getattr__(self, attr: str) -> Any:  # called only for names the stand-in lacks
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def defer_import(name: str) -> None:
    """``import name`` gives a stand-in; the module loads when first used."""
    if name not in sys.modules and importlib.util.find_spec(name) is not None:
        sys.modules[name] = _Deferred(name)


defer_import("mf2py")
