"""CRUD helpers over the tables: the only way the other areas write the store.

Every function takes an open ``Session`` and leaves committing to the caller
(``models.db.session_scope``), so a crawl page or a scoring batch is one
transaction.
"""

from models.crud.brands import BrandNameError, get_brand, get_or_create_brand, list_brands, set_brand_webhook
from models.crud.claims import claim_unscored, release_claims, renew_claims
from models.crud.crawl_runs import finish_crawl_run, list_crawl_runs, start_crawl_run
from models.crud.flags import flagged_reviews, upsert_flags
from models.crud.night_counts import flags_since, new_reviews_by_source, scored_since
from models.crud.page_states import page_states, save_page_states
from models.crud.referral_intents import fill_referral_intents
from models.crud.reports import brand_summary
from models.crud.review_lookups import count_reviews, known_external_ids, known_ids_by_source
from models.crud.reviews import UpsertResult, upsert_reviews
from models.crud.scores import latest_scores, save_scores, unscored_ids_in_scoring_order, unscored_reviews
from models.crud.shards import (
    beat_shard,
    expired_shards,
    finish_shard,
    night_shards,
    plan_shards,
    reopen_shard,
    take_shard,
)
from models.crud.sources import (
    add_source,
    get_source,
    list_sources,
    remove_source,
    set_source_enabled,
    update_source,
)

__all__ = [
    "BrandNameError",
    "UpsertResult",
    "add_source",
    "beat_shard",
    "brand_summary",
    "claim_unscored",
    "count_reviews",
    "expired_shards",
    "fill_referral_intents",
    "finish_crawl_run",
    "finish_shard",
    "flagged_reviews",
    "flags_since",
    "get_brand",
    "get_or_create_brand",
    "get_source",
    "known_external_ids",
    "known_ids_by_source",
    "latest_scores",
    "list_brands",
    "list_crawl_runs",
    "list_sources",
    "new_reviews_by_source",
    "night_shards",
    "page_states",
    "plan_shards",
    "release_claims",
    "remove_source",
    "renew_claims",
    "reopen_shard",
    "save_page_states",
    "save_scores",
    "scored_since",
    "set_brand_webhook",
    "set_source_enabled",
    "start_crawl_run",
    "take_shard",
    "unscored_ids_in_scoring_order",
    "unscored_reviews",
    "update_source",
    "upsert_flags",
    "upsert_reviews",
]
