"""Every relative link in README.md, docs/ and bench/HISTORY.md points at a file and heading that exist.

The manual moved from README.md into docs/ and files move between packages;
a link left behind is found here with its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bench" / "HISTORY.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def heading_anchors(markdown: str) -> set[str]:
    """GitHub's anchors: headings lower-cased, punctuation dropped, spaces as hyphens."""
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)  # not `# comments`
    return {
        re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        for title in re.findall(r"^#+ (.+)$", prose, flags=re.MULTILINE)
    }


def relative_links(doc: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        for target in LINK.findall(line):
            if not re.match(r"[a-z]+:", target):  # http:, https:, mailto:
                yield number, target


def broken(doc: Path, target: str) -> str | None:
    path_part, _, anchor = target.partition("#")
    path = (doc.parent / path_part).resolve() if path_part else doc
    if not path.exists():
        return "no such file"
    if anchor and path.suffix == ".md" and anchor not in heading_anchors(path.read_text(encoding="utf-8")):
        return f"no heading #{anchor}"
    return None


def test_relative_links_resolve() -> None:
    stale = [
        f"{doc.relative_to(ROOT)}:{number}: {target}: {why}"
        for doc in DOCS
        for number, target in relative_links(doc)
        if (why := broken(doc, target))
    ]
    assert not stale, "broken links in the docs:\n" + "\n".join(stale)


def test_checker_finds_missing_files_and_headings(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Weekly export (CSV + chart)\n[x](b.md) [y](#nope) [z](#weekly-export-csv--chart)\n")
    doc = tmp_path / "a.md"
    assert [(t, broken(doc, t)) for _, t in relative_links(doc)] == [
        ("b.md", "no such file"), ("#nope", "no heading #nope"), ("#weekly-export-csv--chart", None)
    ]
