"""A spider loader that imports only the spider a crawl asks for.

Scrapy's own loader imports every module under ``SPIDER_MODULES`` (and so
every site's parser, feedparser included) to find one spider by name; a
crawl process runs one or two spiders. Here spider NAME is looked up in the
module of the same name first (``crawlers/spiders/NAME.py``, this project's
convention); a spider that lives elsewhere is still found by the full scan,
which ``scrapy list`` and ``find_by_request`` use too.
"""

from __future__ import annotations

import builtins
import importlib
from collections import defaultdict
from typing import Any

from scrapy import Request, Spider
from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader


class ModuleSpiderLoader(SpiderLoader):
    """``SPIDER_LOADER_CLASS``: spider NAME from ``<spider module>.NAME``, the rest on demand."""

    def __init__(self, settings: BaseSettings):  # noqa: D107 - no scan at start, unlike the parent
        self.spider_modules: list[str] = settings.getlist("SPIDER_MODULES")
        self.warn_only: bool = settings.getbool("SPIDER_LOADER_WARN_ONLY")
        self._spiders: dict[str, type[Spider]] = {}
        self._found: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)  # the parent's type
        self._scanned = False

    def _load_spiders(self, module: Any) -> None:
        from scrapy.utils.spider import iter_spider_classes

        for spcls in iter_spider_classes(module):
            locations = self._found.setdefault(spcls.name, [])
            if (module.__name__, spcls.__name__) not in locations:
                locations.append((module.__name__, spcls.__name__))
            self._spiders[spcls.name] = spcls

    def _scan(self) -> None:
        if not self._scanned:
            self._scanned = True
            self._load_all_spiders()

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name not in self._spiders and spider_name.isidentifier():
            for package in self.spider_modules:
                try:
                    module = importlib.import_module(f"{package}.{spider_name}")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{package}.{spider_name}":
                        raise  # the spider's module exists but imports something missing
                    continue
                self._load_spiders(module)
        if spider_name not in self._spiders:
            self._scan()
        return super().load(spider_name)

    def list(self) -> list[str]:
        self._scan()
        return super().list()

    def find_by_request(self, request: Request) -> builtins.list[str]:  # `list` here is the method above
        self._scan()
        return super().find_by_request(request)
