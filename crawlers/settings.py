"""Every Scrapy setting of the umot crawlers, in one place.

Polite by default: robots.txt obeyed, one request at a time per site,
AutoThrottle on, retries with back-off on 429/5xx, and a User-Agent that says
who we are and where to complain (``UMOT_CONTACT_URL``). Override any of these
per crawl with ``scrapy crawl ... -s NAME=VALUE`` or
``crawlers.runner.run_crawl(settings={...})``; tests switch the delays off that way.

umot's own Scrapy settings start with ``CRAWL_``: what the runner hands a crawl
process (where items go, the run's id, files of known ids and page states) and
its tuning. They are Scrapy settings, not environment variables; the ``UMOT_*``
environment is read once, here, through :func:`core.settings.get_settings`.
"""

from __future__ import annotations

from importlib import metadata

from scrapy.settings import default_settings as _scrapy_defaults

from core.settings import get_settings


def _version() -> str:
    try:
        return metadata.version("umot")
    except metadata.PackageNotFoundError:  # running from a plain checkout
        return "0.0.0"


_umot = get_settings()  # the UMOT_* environment, read once per crawl process

BOT_NAME = "umot"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"
# imports only the spider a crawl runs (crawlers/spiders/NAME.py), not all of them
SPIDER_LOADER_CLASS = "crawlers.spiderloader.ModuleSpiderLoader"

# --- identity -----------------------------------------------------------------
# Site owners read this in their logs: say who we are and where to reach us.
CRAWL_VERSION = _version()
CRAWL_CONTACT_URL = _umot.contact_url
USER_AGENT = f"umot/{CRAWL_VERSION} (+{CRAWL_CONTACT_URL})"
# robots.txt groups are matched on this product token ("User-agent: umot").
ROBOTSTXT_USER_AGENT = "umot"

# --- politeness ---------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# robots.txt's Crawl-delay raises its host's delay (crawlers/middlewares.py), up to this many seconds.
CRAWL_DELAY_MAX = 60.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # a review page is never this big
# robots.txt is read up to its first 500 KiB, whatever its size (RFC 9309, 2.5; crawlers/robots_rules.py)
ROBOTSTXT_PARSER = "crawlers.robots_rules.RobotsHeadParser"
# A crawl stops after this many responses (robots.txt included): endless distinct next pages (a calendar, session
# ids in links) would crawl until the nightly timeout. The stopped crawl is ok but unfinished (its summary:
# crawlers/stats_summary.py, its note: crawlers/crawl_notes.py); the next crawl of the source is incremental all
# the same (a full one would stop at the same cap): the pages past it are read by a crawl with a higher cap and
# CRAWL_FULL. 0: no cap.
CLOSESPIDER_PAGECOUNT = _umot.crawl_max_pages
COOKIES_ENABLED = False

# --- retries with back-off ----------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Wait base * 2**(attempt-1) seconds (capped) before a retry; Retry-After wins when sent, and a
# 429/503 pauses its whole host (crawlers/host_pause.py). A Retry-After over the cap gives the host up for the crawl.
CRAWL_RETRY_BACKOFF_BASE = 2.0
CRAWL_RETRY_BACKOFF_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    # Scrapy 2.19's lets requests queued behind robots.txt through (see crawlers/middlewares.py).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.middlewares.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawlers.middlewares.ContactUserAgentMiddleware": 500,
    # after HttpCompressionMiddleware asks for a compressed body, before it unzips one (crawlers/robots_rules.py)
    "crawlers.robots_rules.RobotsHeadMiddleware": 595,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.retry.BackoffRetryMiddleware": 550,
    # conditional requests: from the store for spiders that skip unchanged pages
    # (crawlers/page_state.py), else Scrapy's local cache (crawlers/httpcache.py)
    "crawlers.page_state.ConditionalRequestMiddleware": 890,
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "crawlers.httpcache.RevalidatingCacheMiddleware": 900,
}

# Components we never use are dropped from Scrapy's base lists rather than set to
# None above: Scrapy imports every key of DOWNLOADER_MIDDLEWARES / EXTENSIONS to
# normalise it, so a None entry still imported tldextract (cookies) and aiohttp
# (remote control) at every crawl start (~0.2 s). Cookies and telnet are off anyway.
_UNUSED = {
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.remote_control.RemoteControl",
}
DOWNLOADER_MIDDLEWARES_BASE = {
    k: v for k, v in _scrapy_defaults.DOWNLOADER_MIDDLEWARES_BASE.items() if k not in _UNUSED
}
EXTENSIONS_BASE = {k: v for k, v in _scrapy_defaults.EXTENSIONS_BASE.items() if k not in _UNUSED}

# --- conditional requests ----------------------------------------------------------
# schemaorg/sitemap ask again with the ETag / Last-Modified the STORE kept for the page
# (crawlers/page_state.py): an unchanged page costs the site a 304 and the spider no
# parsing, and only a store that holds the page's reviews skips it. Other spiders' pages
# with validators are kept (gzip'd) under <UMOT_DATA_DIR>/httpcache and re-parsed on a 304
# (crawlers/httpcache.py; per machine, bandwidth only). UMOT_HTTPCACHE=1 instead replays
# kept pages for 24 h without asking the site (development).
CRAWL_HTTPCACHE_REPLAY = _umot.httpcache
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = (
    "scrapy.extensions.httpcache.DummyPolicy" if CRAWL_HTTPCACHE_REPLAY else "crawlers.httpcache.RevalidatePolicy"
)
HTTPCACHE_DIR = str(_umot.httpcache_path)
HTTPCACHE_EXPIRATION_SECS = 24 * 3600 if CRAWL_HTTPCACHE_REPLAY else 0  # 0: kept until replaced
HTTPCACHE_GZIP = True
HTTPCACHE_STORAGE = "crawlers.httpcache.BrandCacheStorage"  # one copy per brand: <dir>/<brand>/
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

# --- where items go (components switch themselves off when unset) ------------
ITEM_PIPELINES = {
    "crawlers.pipelines.ReviewCheckPipeline": 100,
    "crawlers.pipelines.FileOutputPipeline": 300,
    "crawlers.pipelines.StorePipeline": 400,
}
EXTENSIONS = {
    "crawlers.extensions.CrawlStatsFile": 500,
}
CRAWL_OUTPUT = None  # .jsonl/.jl/.csv file (.gz too): never touches the store; replaced only by a crawl that succeeds
CRAWL_DATABASE_URL = _umot.database_url_override  # store, when no CRAWL_OUTPUT
CRAWL_STORE_BATCH = 200  # reviews per committed store batch
CRAWL_FULL = False  # True: don't stop paginating at known reviews (after an interrupted crawl)
CRAWL_STATS_FILE = None  # JSON counts written at open and close (crawlers.runner reads it)
CRAWL_STORE_MIGRATED = False  # True: the caller already ran init_db on the store (skip Alembic here)

# --- housekeeping -------------------------------------------------------------
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control port either
LOG_LEVEL = _umot.crawl_log_level
FEED_EXPORT_ENCODING = "utf-8"
