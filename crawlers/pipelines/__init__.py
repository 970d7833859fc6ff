"""Where review items go: checked and completed, then to a file (JSONL or CSV) or to the store.

Each pipeline is built with ``from_crawler`` and switches itself off with
``NotConfigured``: :class:`FileOutputPipeline` runs when ``CRAWL_OUTPUT`` is set,
:class:`StorePipeline` when a database URL is set and ``CRAWL_OUTPUT`` is not.
``ITEM_PIPELINES`` (``crawlers.settings``) names them by these package-level paths.
"""

from crawlers.pipelines.file_output import FileOutputPipeline
from crawlers.pipelines.review_check import ReviewCheckPipeline
from crawlers.pipelines.store import StorePipeline

__all__ = ["FileOutputPipeline", "ReviewCheckPipeline", "StorePipeline"]
