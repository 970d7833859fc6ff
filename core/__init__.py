"""Lowest layer: settings and helpers every other package may import (nothing above)."""
