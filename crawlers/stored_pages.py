"""The brand's page states as a crawl sees them: handed over by the runner, else read from the store.

The spiders that skip unchanged pages (:mod:`crawlers.page_state`) look each
request's URL up here. Kept apart from the middleware and the items, which
read neither the store nor the runner's hand-over file: this is the one piece
of conditional requests that does, and it imports store modules only when it
must (a plain ``scrapy crawl``, a URL longer than the store holds).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawlers.run_handover import PAGES_FILE

LONG_URL = 2000  # pagestate.url's length (models.crud.page_states.URL_CHARS): a longer URL is stored fitted


class StoredPages:
    """The brand's page states as the store held them when the crawl opened."""

    def __init__(self, states: dict[str, dict[str, Any]]) -> None:
        self._states = states

    @classmethod
    def load(cls, settings: Any, database_url: str, brand: str) -> StoredPages:
        """From the runner's hand-over file, else (a plain ``scrapy crawl``) from the store."""
        handed = settings.get(PAGES_FILE)
        if handed:
            return cls(json.loads(Path(handed).read_text(encoding="utf-8")))
        from models import crud
        from models.db import get_engine, session_scope
        from models.stored import stored_id

        with session_scope(get_engine(database_url)) as session:
            return cls(crud.page_states(session, brand_id=stored_id(crud.get_or_create_brand(session, brand))))

    def get(self, url: str) -> dict[str, Any] | None:
        """The state stored for ``url``; one longer than ``pagestate.url`` holds is stored under its
        fitted key (``models.crud.page_states.page_key``, imported only then: a crawl loads no store modules)."""
        if len(url) > LONG_URL:
            from models.crud.page_states import page_key

            url = page_key(url)
        return self._states.get(url)

    def __len__(self) -> int:
        return len(self._states)
