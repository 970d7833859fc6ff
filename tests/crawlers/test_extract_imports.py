"""Reading a page loads no store module: every crawl process pays for what extracting imports, also one that
finds nothing new. A reply's brand check once imported ``models.crud`` (every table, sqlmodel: 0.24 s) for
``brand_key``, which needs only ``unicodedata`` (``models.identity``)."""

from __future__ import annotations

import subprocess
import sys


def test_extracting_a_page_imports_neither_the_store_nor_sqlmodel() -> None:
    code = ("import sys; from crawlers.extract.schemaorg import extract_page; "
            "print(sorted(m for m in ('models.crud', 'models.db', 'sqlmodel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
