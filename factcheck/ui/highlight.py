"""Article paragraphs as Textual content, each figure styled by its group's verdict.

Verdicts are told apart by more than colour: conflicts carry a "‼" marker and an underline,
hedges a "≈" marker; agreements are bold, single figures lightly underlined.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.style import Style

from factcheck.models import Claim

MARKERS = {
    "conflict": "‼",
    "qualifier_mismatch": "≈",
    "finding": "◆",  # a name, quotation or date: factcheck.ui.findings
    "agree": "",
    "single": "",
}
STYLES = {
    "conflict": "bold underline #ffffff on #b3261e",
    "qualifier_mismatch": "bold italic #1b1b1b on #f2b705",
    "finding": "bold #ffffff on #6a3d9a",
    "agree": "bold #ffffff on #2e7d32",
    "single": "underline",
}
SELECTED = "reverse"
FOUND = "bold #000000 on #7fd3ff"  # a search match
VERDICT_NAMES = {
    "conflict": "conflict",
    "qualifier_mismatch": "hedged differently",
    "finding": "beyond numbers",
    "agree": "agree",
    "single": "stated once",
}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article: its offsets in the article text."""

    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """The article's paragraphs (the normalised text puts a blank line between them)."""
    found, start = [], 0
    for n, chunk in enumerate(text.split("\n\n")):
        found.append(Paragraph(n, start, start + len(chunk)))
        start += len(chunk) + 2
    return found


@functools.cache
def _look(verdict: str, selected: bool) -> Style:
    return Style.parse(STYLES[verdict] + (f" {SELECTED}" if selected else ""))


def _click(claim_id: str) -> Style:
    return Style.from_meta({"@click": f"screen.select_claim({claim_id!r})"})


def render(
    text: str,
    paragraph: Paragraph,
    claims: Iterable[Claim],
    verdicts: Mapping[str, str],
    *,
    selected: frozenset[str] = frozenset(),
    found: Sequence[tuple[int, int]] = (),
) -> Content:
    """One paragraph with its figures highlighted (clicking a figure selects its group) and the
    search matches `found` (offsets in `text`) marked."""
    parts: list[str | tuple[str, Style | str]] = []
    at = paragraph.start
    markers: list[int] = []  # text offsets of the figures that got a marker drawn before them
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < at or claim.end > paragraph.end:
            continue
        parts.append(text[at : claim.start])
        verdict = verdicts.get(claim.id, "single")
        marker = MARKERS[verdict]
        style = _look(verdict, claim.id in selected) + _click(claim.id)
        if marker:
            parts.append((marker, style))
            markers.append(claim.start)
        parts.append((text[claim.start : claim.end], style))
        at = claim.end
    parts.append(text[at : paragraph.end])
    content = Content.assemble(*parts)
    for start, end in found:
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        if start >= end:
            continue
        shift_start = sum(1 for m in markers if m <= start)
        shift_end = sum(1 for m in markers if m <= end - 1)
        content = content.stylize(
            FOUND,
            start - paragraph.start + shift_start,
            end - paragraph.start + shift_end,
        )
    return content
