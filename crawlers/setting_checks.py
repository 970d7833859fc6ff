"""A crawl setting given as text (``umot crawl -s NAME=VALUE``) checked the way Scrapy will read it.

Scrapy reads ``-s`` values only once the crawl runs: ``CONCURRENT_REQUESTS_PER_DOMAIN=1.5``
failed inside it, ``=0`` never ended (no request could ever be sent) and
``RETRY_HTTP_CODES=abc`` stopped it at its first retry. :func:`setting_problem` says
what is wrong with one value before anything is fetched.
"""

from __future__ import annotations

import json
from typing import Any

#: Settings Scrapy (and umot) read as whole numbers (``Settings.getint``); the others that hold
#: a number are read as floats (``DOWNLOAD_TIMEOUT = 30`` takes 2.5).
WHOLE_NUMBERS = frozenset({
    "AWS_MAX_POOL_CONNECTIONS", "CLOSESPIDER_ERRORCOUNT", "CLOSESPIDER_ITEMCOUNT", "CLOSESPIDER_PAGECOUNT",
    "CLOSESPIDER_TIMEOUT_NO_ITEM", "CONCURRENT_ITEMS", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "CONCURRENT_REQUESTS_PER_IP", "CRAWL_STORE_BATCH", "DEPTH_LIMIT", "DEPTH_PRIORITY", "DNSCACHE_SIZE",
    "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE", "HTTPCACHE_EXPIRATION_SECS", "MEMUSAGE_LIMIT_MB",
    "MEMUSAGE_WARNING_MB", "METAREFRESH_MAXDELAY", "REACTOR_THREADPOOL_MAXSIZE", "REDIRECT_MAX_TIMES",
    "REDIRECT_PRIORITY_ADJUST", "RETRY_PRIORITY_ADJUST", "RETRY_TIMES", "SCRAPER_SLOT_MAX_ACTIVE_SIZE",
    "URLLENGTH_LIMIT",
})

#: Settings below 1 leave a crawl that never sends a request (or never stores a batch).
AT_LEAST_ONE = frozenset({"CONCURRENT_ITEMS", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
                          "CRAWL_STORE_BATCH"})


def setting_problem(name: str, value: str, default: Any) -> str | None:
    """What ``name`` (whose project value is ``default``) cannot take in ``value``; None when it can."""
    from scrapy.settings import BaseSettings, Settings

    if isinstance(default, bool):
        try:
            Settings({name: value}).getbool(name)
        except ValueError:
            return "True or False"
        return None
    if name in WHOLE_NUMBERS:
        return _whole_number_problem(name, value)
    if isinstance(default, (int, float)):
        return _number_problem(name, value)
    if isinstance(default, (list, tuple)) and default and all(isinstance(v, int) for v in default):
        parts = [part.strip() for part in value.split(",")] if value.strip() else []
        if not all(_is_int(part) for part in parts):
            return "whole numbers separated by commas (e.g. 500,503)"
        return None
    if isinstance(default, (dict, BaseSettings)):  # ITEM_PIPELINES and the like: a JSON object on the command line
        try:
            return None if isinstance(json.loads(value), dict) else "a JSON object"
        except ValueError:
            return "a JSON object"
    return None


def _whole_number_problem(name: str, value: str) -> str | None:
    if not _is_int(value):
        return "a whole number"
    if name in AT_LEAST_ONE and int(value) < 1:
        return "a whole number of at least 1"
    return None


def _number_problem(name: str, value: str) -> str | None:
    try:
        number = float(value)
    except ValueError:
        return "a number"
    if name == "AUTOTHROTTLE_TARGET_CONCURRENCY" and not number > 0:
        return "a number above 0"
    return None


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True
