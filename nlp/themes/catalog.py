"""The default themes and the customer-journey stages, with the definitions brand teams read.

One source for the names and one-line meanings used by the detector, the CLI
(`umot themes list`), the web app's chips and docs/themes.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OTHER = "other"
POLARITIES = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Theme:
    """A theme: its name, what it covers, and (for brand themes) example phrases."""

    name: str
    description: str
    examples: tuple[str, ...] = field(default=())
    brand: bool = False


DEFAULT_THEMES: tuple[Theme, ...] = (
    Theme("product_quality", "the core product or service itself"),
    Theme("price_value", "price, fees, value for money"),
    Theme("delivery", "shipping, arrival, packaging, order accuracy"),
    Theme("service_staff", "how staff or support treated the customer"),
    Theme("speed_wait", "waiting, queues, slow service (not app performance)"),
    Theme("cleanliness_ambience", "cleanliness, atmosphere, noise, location"),
    Theme("app_usability", "ease of use, design, features present or missing"),
    Theme("app_reliability", "crashes, bugs, errors, slowness, login/account failures"),
    Theme("billing_refunds", "payment problems, overcharging, refunds"),
    Theme("trust_safety", "privacy, scams, fraud, moderation, safety"),
)
DEFAULT_THEME_NAMES: tuple[str, ...] = tuple(t.name for t in DEFAULT_THEMES)

STAGES: dict[str, str] = {
    "consider": "awareness or first impression of the brand before any research (ads, hearing about it, brand image)",
    "research": "looking for information, comparing options, reading reviews, asking others before buying",
    "decide": "choosing where/what to buy: price seen before purchase, trust, choosing a location, a booking decision",
    "buy": "the purchase or sign-up itself: ordering, checkout, payment, booking, check-in, installing an app",
    "use": "receiving and using the product or service: delivery, quality, the meal, the stay, the app, support",
    "refer": "recommending or warning others ('avoid', 'you must try', telling friends)",
    "repeat": "coming back or not: renewal, loyalty, cancelling, uninstalling, 'never again', 'my go-to'",
}
STAGE_NAMES: tuple[str, ...] = tuple(STAGES)
REFERRALS = ("recommend", "warn", "none")
