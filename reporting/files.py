"""Atomic CSV/PNG writing and filename-safe brand names.

Every export goes to a temporary file in the target folder and is moved into
place (:func:`core.atomic_file.atomic_write`, keeping a replaced file's mode), so a
reader (or a sync job picking up Monday's CSV) never sees half a file, even if the
run dies mid-write.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.atomic_file import atomic_write
from reporting.safety import csv_safe

#: Longer slugs are cut here and end in a hash of the whole, so every export file name stays far
#: under the 255-byte limit ("㎉" alone slugs to "kcal").
MAX_SLUG = 200


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, excel: bool = False
) -> Path:
    """Write an RFC 4180 CSV atomically, every cell through :func:`csv_safe`.

    ``excel=True`` adds a UTF-8 byte-order mark so Excel reads accents right.
    """
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if cell is None else csv_safe(cell) for cell in row])
    return path


def slugify(name: str) -> str:
    """``"Café & Co."`` -> ``"cafe-co"``: ASCII letters, digits and dashes only, at most
    ``MAX_SLUG`` characters plus a dash and 8 hex digits (the longest file name, `benchmark-themes-<slug>-<week>.csv`,
    stays under 255 bytes with a `-<id>` after it)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(slug) <= MAX_SLUG:
        return slug
    return f"{slug[:MAX_SLUG].rstrip('-')}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
